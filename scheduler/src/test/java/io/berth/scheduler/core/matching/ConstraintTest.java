package io.berth.scheduler.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.scheduler.core.matching.Constraint.Operator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstraintTest {

    @Test
    void parsesFieldAndOperator() {
        assertThat(Constraint.parse(List.of("hostname", "UNIQUE")))
                .isEqualTo(new Constraint("hostname", Operator.UNIQUE, Optional.empty()));
    }

    @Test
    void parsesAValue() {
        assertThat(Constraint.parse(List.of("rack", "GROUP_BY", "3")))
                .isEqualTo(Constraint.of("rack", Operator.GROUP_BY, "3"));
    }

    @Test
    void rendersBackToMarathonsJsonForm() {
        assertThat(Constraint.parse(List.of("rack", "LIKE", "rack-[12]")).toList())
                .containsExactly("rack", "LIKE", "rack-[12]");
        assertThat(Constraint.of("hostname", Operator.UNIQUE)).hasToString("hostname:UNIQUE");
    }

    @Test
    void acceptsEveryOperatorInItsValidForm() {
        assertThat(List.of(
                List.of("hostname", "UNIQUE"),
                List.of("rack", "CLUSTER"),
                List.of("rack", "CLUSTER", "rack-1"),
                List.of("rack", "GROUP_BY"),
                List.of("rack", "GROUP_BY", "2"),
                List.of("hostname", "LIKE", "agent-[0-9]+"),
                List.of("hostname", "UNLIKE", "agent-9"),
                List.of("rack", "MAX_PER", "2"),
                List.of("cores", "IS", "8"))).allSatisfy(parts -> assertThat(Constraint.parse(parts)).isNotNull());
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "hostname                 | must be [field, operator] or [field, operator, value]",
        "hostname,UNIQUE,x,y      | must be [field, operator] or [field, operator, value]",
        "hostname,SOMETIMES       | unknown operator 'SOMETIMES'",
        "\" ,UNIQUE\"             | constraint field must not be empty",
        "hostname,UNIQUE,x        | hostname:UNIQUE: UNIQUE takes no value",
        "rack,CLUSTER,            | rack:CLUSTER: CLUSTER value must not be empty when given",
        "rack,GROUP_BY,many       | rack:GROUP_BY: value must be an integer, was 'many'",
        "rack,MAX_PER             | rack:MAX_PER: a value is required",
        "rack,MAX_PER,-1          | rack:MAX_PER: value must be an integer >= 0, was '-1'",
        "hostname,LIKE            | hostname:LIKE: a value is required",
        "hostname,UNLIKE,a(       | hostname:UNLIKE: 'a(' is not a valid regular expression",
        "cores,IS                 | cores:IS: a value is required"})
    void rejectsMalformedConstraintsNamingTheRule(String parts, String message) {
        List<String> list = List.of(parts.split(",", -1));
        assertThatThrownBy(() -> Constraint.parse(list))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void readsHostnameFromTheOfferAndOtherFieldsFromAttributes() {
        assertThat(Constraint.fieldValue("hostname", "a1", java.util.Map.of())).contains("a1");
        assertThat(Constraint.fieldValue("@hostname", "a1", java.util.Map.of())).contains("a1");
        assertThat(Constraint.fieldValue("@zone", "a1", java.util.Map.of("@zone", "z1"))).contains("z1");
        assertThat(Constraint.fieldValue("rack", "a1", java.util.Map.of())).isEmpty();
    }
}
