package dev.diet.generate;

import static dev.diet.generate.TestPlans.connection;
import static dev.diet.generate.TestPlans.switchClass;
import static dev.diet.generate.TestPlans.zone;

import dev.diet.plan.Distribution;
import dev.diet.plan.HedgehogRole;
import dev.diet.plan.Plan;
import dev.diet.plan.RedundancyType;
import dev.diet.plan.ZoneType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Small spine-leaf plans drawn from a seed: one or two fabrics of leaf classes (with or without
 * breakout, redundancy and spines) and a few server classes whose connections pick a leaf zone and
 * a distribution. Most of them generate; some overflow a zone, as the original's sizing allows.
 */
final class RandomPlans {
  private static final Distribution[] DISTRIBUTIONS = {Distribution.ALTERNATING, Distribution.SAME_SWITCH, null};

  private RandomPlans() {}

  static Plan plan(long seed) {
    Random r = new Random(seed);
    TestPlans.Builder b = TestPlans.plan("random_" + Long.toHexString(seed).replace('-', 'm'))
        .switchType("sw", "Switch 64x100G", 1, 16, "100gbase-x-qsfp28")
        .serverType("srv")
        .extension("ext", "sw", 100, "1x100g", "4x25g")
        .nicType("dual", "p0", "p1")
        .nicType("quad", "p0", "p1", "p2", "p3");
    List<String> fabrics = r.nextBoolean() ? List.of("frontend") : List.of("frontend", "backend");
    List<String[]> targets = new ArrayList<>();
    int leafCount = 1 + r.nextInt(3);
    for (int l = 0; l < leafCount; l++) {
      String id = "leaf-" + (char) ('a' + l);
      String fabric = fabrics.get(l % fabrics.size());
      boolean breakout = r.nextBoolean();
      RedundancyType redundancy = new RedundancyType[] {null, RedundancyType.MCLAG, RedundancyType.ESLAG}[r.nextInt(3)];
      b.switchClass(switchClass(id, fabric, HedgehogRole.SERVER_LEAF, "ext").redundancyType(Optional.ofNullable(redundancy)));
      int ports = 4 + r.nextInt(29);
      b.zone(zone(id, "down", ZoneType.SERVER, "1-" + ports, breakout ? "4x25g" : "1x100g").priority(10));
      b.zone(zone(id, "up", ZoneType.UPLINK, "33-" + (33 + r.nextInt(4)), "1x100g").priority(20));
      targets.add(new String[] {id + "/down", breakout ? "25" : "100"});
    }
    for (String fabric : fabrics) {
      if (r.nextInt(3) > 0) {
        String id = "spine-" + fabric;
        b.switchClass(switchClass(id, fabric, HedgehogRole.SPINE, "ext").uplinkPortsPerSwitch(0));
        b.zone(zone(id, "fabric", ZoneType.FABRIC, "1-64", "1x100g"));
      }
    }
    int serverCount = 1 + r.nextInt(4);
    for (int s = 0; s < serverCount; s++) {
      String id = "srv-" + (char) ('a' + s);
      b.servers(id, "srv", r.nextInt(13));
      b.nic(id, "fe", "dual");
      b.nic(id, "data", "quad");
      int connections = 1 + r.nextInt(2);
      for (int c = 0; c < connections; c++) {
        String[] target = targets.get(r.nextInt(targets.size()));
        String nic = c == 0 ? "fe" : "data";
        int ppc = 1 + r.nextInt(2);
        b.connection(connection(id, "c" + c, nic, ppc, DISTRIBUTIONS[r.nextInt(DISTRIBUTIONS.length)], target[0], Integer.parseInt(target[1])));
      }
    }
    return b.build();
  }

  /** The same plan with every list of entries in another order. */
  static Plan shuffled(Plan p, Random r) {
    return p.withSwitchClasses(shuffle(p.switchClasses(), r))
        .withPortZones(shuffle(p.portZones(), r))
        .withServerClasses(shuffle(p.serverClasses(), r))
        .withServerNics(shuffle(p.serverNics(), r))
        .withServerConnections(shuffle(p.serverConnections(), r))
        .withNamingTemplates(shuffle(p.namingTemplates(), r))
        .withReferenceData(p.referenceData()
            .withManufacturers(shuffle(p.referenceData().manufacturers(), r))
            .withDeviceTypes(shuffle(p.referenceData().deviceTypes(), r))
            .withDeviceTypeExtensions(shuffle(p.referenceData().deviceTypeExtensions(), r))
            .withBreakoutOptions(shuffle(p.referenceData().breakoutOptions(), r))
            .withModuleTypes(shuffle(p.referenceData().moduleTypes(), r)));
  }

  private static <T> List<T> shuffle(List<T> items, Random r) {
    List<T> out = new ArrayList<>(items);
    Collections.shuffle(out, r);
    return out;
  }
}
