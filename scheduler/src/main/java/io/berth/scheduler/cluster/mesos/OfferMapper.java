package io.berth.scheduler.cluster.mesos;

import io.berth.scheduler.core.matching.AgentId;
import io.berth.scheduler.core.matching.Offer;
import io.berth.scheduler.core.matching.OfferId;
import io.berth.scheduler.core.matching.PortRange;
import io.berth.scheduler.core.matching.Resources;
import io.berth.scheduler.core.matching.RoleResources;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.DomainInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

/**
 * A Mesos offer as the matcher sees it. Resources are grouped by their <em>reservation</em> role:
 * {@code *} for unreserved ones (which a MULTI_ROLE framework gets with {@code role: "*"} and its
 * own role only in {@code allocation_info}), the reserving role otherwise, taken from the refined
 * {@code reservations} stack when present, else from the legacy {@code role} field. Revocable
 * resources and persistent volumes are left out; Berth does not use them.
 */
final class OfferMapper {
  static final String REGION = "@region";
  static final String ZONE = "@zone";
  private static final long MIN_PORT = 1;
  private static final long MAX_PORT = 65535;

  private OfferMapper() {}

  static Offer map(org.apache.mesos.v1.Protos.Offer offer) {
    return new Offer(new OfferId(offer.getId().getValue()), new AgentId(offer.getAgentId().getValue()),
        offer.getHostname(), attributes(offer), resources(offer.getResourcesList()));
  }

  private static Map<String, String> attributes(org.apache.mesos.v1.Protos.Offer offer) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Attribute attribute : offer.getAttributesList()) {
      attributes.put(attribute.getName(), text(attribute));
    }
    if (offer.hasDomain() && offer.getDomain().hasFaultDomain()) {
      DomainInfo.FaultDomain domain = offer.getDomain().getFaultDomain();
      attributes.put(REGION, domain.getRegion().getName());
      attributes.put(ZONE, domain.getZone().getName());
    }
    return attributes;
  }

  /** Marathon's rendering: text as is, scalars as plain numbers, ranges {@code [a-b, c-d]}, sets {@code {a, b}}. */
  static String text(Attribute attribute) {
    return switch (attribute.getType()) {
      case TEXT -> attribute.getText().getValue();
      case SCALAR -> number(attribute.getScalar().getValue());
      case RANGES -> attribute.getRanges().getRangeList().stream()
          .map(range -> range.getBegin() + "-" + range.getEnd())
          .collect(Collectors.joining(", ", "[", "]"));
      case SET -> attribute.getSet().getItemList().stream().collect(Collectors.joining(", ", "{", "}"));
    };
  }

  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static List<RoleResources> resources(List<Resource> resources) {
    Map<String, Accumulator> byRole = new LinkedHashMap<>();
    for (Resource resource : resources) {
      if (resource.hasRevocable() || resource.hasDisk() || resource.hasShared()) {
        continue;
      }
      byRole.computeIfAbsent(role(resource), role -> new Accumulator()).add(resource);
    }
    List<RoleResources> result = new ArrayList<>();
    byRole.forEach((role, acc) -> result.add(new RoleResources(role, acc.scalars(), acc.ports)));
    return result;
  }

  @SuppressWarnings("deprecation") // Resource.role: the pre-refinement format most frameworks get
  static String role(Resource resource) {
    if (resource.getReservationsCount() > 0) {
      return resource.getReservations(resource.getReservationsCount() - 1).getRole();
    }
    String role = resource.getRole();
    return role.isEmpty() ? RoleResources.DEFAULT_ROLE : role;
  }

  /** Sums one role's resources in thousandths, as Mesos keeps them. */
  private static final class Accumulator {
    long cpus;
    long mem;
    long disk;
    long gpus;
    final List<PortRange> ports = new ArrayList<>();

    void add(Resource resource) {
      if (resource.getType() == Value.Type.SCALAR) {
        long value = Resources.thousandths(resource.getScalar().getValue());
        switch (resource.getName()) {
          case "cpus" -> cpus += value;
          case "mem" -> mem += value;
          case "disk" -> disk += value;
          case "gpus" -> gpus += value;
          default -> { }
        }
      } else if (resource.getType() == Value.Type.RANGES && resource.getName().equals("ports")) {
        for (Value.Range range : resource.getRanges().getRangeList()) {
          long begin = Math.max(range.getBegin(), MIN_PORT);
          long end = Math.min(range.getEnd(), MAX_PORT);
          if (begin <= end) { // port 0 or past 65535 cannot be a host port
            ports.add(PortRange.of((int) begin, (int) end));
          }
        }
      }
    }

    Resources scalars() {
      return new Resources(cpus / 1000.0, mem / 1000.0, disk / 1000.0, gpus / 1000.0);
    }
  }
}
