package io.berth.api.model;

import static io.berth.api.model.AppBuilder.anApp;
import static io.berth.api.model.Verdicts.assertBreaks;
import static io.berth.api.model.Verdicts.assertValid;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AppValidator}: placement constraints (Marathon's operators and their arity) and resource roles. */
class ConstraintRulesTest {

  @Nested
  class Shape {

    @Test
    void aConstraintHasTwoOrThreeParts() {
      assertBreaks(anApp().withConstraint("hostname"), "/constraints/0",
          "must be [field, OPERATOR] or [field, OPERATOR, value]");
      assertBreaks(anApp().withConstraint("hostname", "LIKE", "a", "b"), "/constraints/0",
          "must be [field, OPERATOR] or [field, OPERATOR, value]");
    }

    @Test
    void partsMustNotBeNull() {
      assertBreaks(anApp().withConstraint("hostname", "CLUSTER", null), "/constraints/0",
          "must be [field, OPERATOR] or [field, OPERATOR, value]");
    }

    @Test
    void theFieldMustNotBeEmpty() {
      assertBreaks(anApp().withConstraint(" ", "UNIQUE"), "/constraints/0/0", "field must not be empty");
    }

    @Test
    void theOperatorIsOneOfMarathons() {
      assertBreaks(anApp().withConstraint("hostname", "SPREAD"), "/constraints/0/1",
          "operator must be one of UNIQUE, CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER, IS");
      assertBreaks(anApp().withConstraint("hostname", "unique"), "/constraints/0/1", "operator must be one of");
    }

    @Test
    void eachConstraintIsReportedAtItsIndex() {
      assertBreaks(anApp().withConstraint("hostname", "UNIQUE").withConstraint("rack", "NEAR"),
          "/constraints/1/1", "operator must be one of");
    }
  }

  @Nested
  class Operators {

    @Test
    void uniqueTakesNoValue() {
      assertValid(anApp().withConstraint("hostname", "UNIQUE"));
      assertBreaks(anApp().withConstraint("hostname", "UNIQUE", "x"), "/constraints/0", "UNIQUE takes no value");
    }

    @Test
    void clusterTakesAValueOrPinsToTheFirstInstances() {
      assertValid(anApp().withConstraint("rack_id", "CLUSTER", "rack-1"));
      assertValid(anApp().withConstraint("rack_id", "CLUSTER"));
      assertBreaks(anApp().withConstraint("rack_id", "CLUSTER", ""), "/constraints/0", "CLUSTER value must not be empty");
    }

    @Test
    void groupByTakesAnOptionalCountOfGroups() {
      assertValid(anApp().withConstraint("rack_id", "GROUP_BY"));
      assertValid(anApp().withConstraint("rack_id", "GROUP_BY", "3"));
      assertBreaks(anApp().withConstraint("rack_id", "GROUP_BY", "three"), "/constraints/0/2",
          "GROUP_BY value must be a whole number >= 1");
      assertBreaks(anApp().withConstraint("rack_id", "GROUP_BY", "0"), "/constraints/0/2",
          "GROUP_BY value must be a whole number >= 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LIKE", "UNLIKE"})
    void likeAndUnlikeNeedAValidRegularExpression(String op) {
      assertValid(anApp().withConstraint("hostname", op, "agent-[0-9]+"));
      assertBreaks(anApp().withConstraint("hostname", op), "/constraints/0", op + " needs a regular expression");
      assertBreaks(anApp().withConstraint("hostname", op, "agent-[0-9"), "/constraints/0/2",
          op + " value must be a valid regular expression");
    }

    @Test
    void maxPerNeedsAPositiveCount() {
      assertValid(anApp().withConstraint("rack_id", "MAX_PER", "2"));
      assertBreaks(anApp().withConstraint("rack_id", "MAX_PER"), "/constraints/0", "MAX_PER needs a number");
      assertBreaks(anApp().withConstraint("rack_id", "MAX_PER", "two"), "/constraints/0/2",
          "MAX_PER value must be a whole number >= 1");
    }

    @Test
    void isNeedsAValue() {
      assertValid(anApp().withConstraint("@zone", "IS", "eu-1a"));
      assertBreaks(anApp().withConstraint("@zone", "IS"), "/constraints/0", "IS needs a value");
    }
  }

  @Nested
  class AcceptedResourceRoles {

    @Test
    void rolesAreStarOrNames() {
      assertValid(anApp().withAcceptedResourceRoles("*", "prod", "team/web.v2"));
      assertBreaks(anApp().withAcceptedResourceRoles("bad role"), "/acceptedResourceRoles/0",
          "must be '*' or a role name");
    }

    @Test
    void rolesAreUnique() {
      assertBreaks(anApp().withAcceptedResourceRoles("prod", "prod"), "/acceptedResourceRoles/1", "must be unique");
    }

    @Test
    void anEmptyListAcceptsNothingSoItIsRefused() {
      assertBreaks(anApp().withAcceptedResourceRoles(), "/acceptedResourceRoles", "must not be empty");
    }
  }
}
