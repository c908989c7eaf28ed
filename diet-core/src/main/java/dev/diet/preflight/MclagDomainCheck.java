package dev.diet.preflight;

import dev.diet.plan.MclagDomain;
import dev.diet.plan.Plan;
import java.util.List;
import java.util.regex.Pattern;

/** MCLAG domains (our optional extension): link counts and a DNS-label switch group name. */
final class MclagDomainCheck implements PlanCheck {
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

  @Override
  public void check(Plan plan, Problems problems) {
    List<MclagDomain> domains = plan.mclagDomains();
    for (int i = 0; i < domains.size(); i++) {
      MclagDomain d = domains.get(i);
      String path = "mclag_domains[" + i + "]";
      Ranges.atLeast(problems, path + ".peer_link_count", "peer_link_count", d.peerLinkCount(), 1, "the number of peer links");
      Ranges.atLeast(problems, path + ".session_link_count", "session_link_count", d.sessionLinkCount(), 1, "the number of session links");
      Ranges.atLeast(problems, path + ".peer_start_port", "peer_start_port", d.peerStartPort(), 0, "a port offset");
      Ranges.atLeast(problems, path + ".session_start_port", "session_start_port", d.sessionStartPort(), 0, "a port offset");
      String group = d.switchGroupName();
      if (group.length() > 63 || !DNS_LABEL.matcher(group).matches()) {
        problems.error(
            "invalid_format",
            path + ".switch_group_name",
            "switch_group_name '" + group + "' is not a DNS label (a-z, 0-9 and -, at most 63, starting and ending with a letter or digit)",
            "e.g. fe-leaf-mclag");
      }
    }
  }
}
