package dev.diet.reconcile;

import dev.diet.generate.Generator;
import dev.diet.plan.PlanReader;
import dev.diet.state.DesiredState;

/**
 * Our own DIET plan for the reconciliation scenarios, as YAML text with knobs: a GPU class with a
 * frontend and a backend NIC (one port each to a pair of frontend and a pair of backend leaves), and
 * a storage class on its own frontend zone. Leaf counts are fixed (override_quantity), so server
 * counts change nothing on the switch side but the ports in use.
 */
final class LabPlan {
  private final int gpus;
  private final int storage;
  private final String backendDistribution;
  private final String serverPattern;

  private LabPlan(int gpus, int storage, String backendDistribution, String serverPattern) {
    this.gpus = gpus;
    this.storage = storage;
    this.backendDistribution = backendDistribution;
    this.serverPattern = serverPattern;
  }

  static LabPlan of(int gpus) {
    return new LabPlan(gpus, 12, "alternating", null);
  }

  LabPlan withGpus(int n) {
    return new LabPlan(n, storage, backendDistribution, serverPattern);
  }

  /** Storage servers; 0 removes the class (and its NIC and connection) from the plan. */
  LabPlan withStorage(int n) {
    return new LabPlan(gpus, n, backendDistribution, serverPattern);
  }

  LabPlan withBackendDistribution(String distribution) {
    return new LabPlan(gpus, storage, distribution, serverPattern);
  }

  /** A server naming template, e.g. {@code node-{class}-{index:04d}}. */
  LabPlan withServerNaming(String pattern) {
    return new LabPlan(gpus, storage, backendDistribution, pattern);
  }

  DesiredState generate() {
    return Generator.generate(PlanReader.readString(yaml(), "lab-plan.yaml"));
  }

  String yaml() {
    StringBuilder templates = new StringBuilder();
    for (int p = 1; p <= 48; p++) {
      templates.append("        - {name: E1/").append(p).append(", type: 800gbase-x-qsfpdd}\n");
    }
    String storageClass = storage == 0 ? "" : """
          - server_class_id: storage
            category: storage
            quantity: %d
            server_device_type: acme_node
        """.formatted(storage);
    String storageNic = storage == 0 ? "" : "  - {server_class: storage, nic_id: fe, module_type: nic_2p}\n";
    String storageConnection = storage == 0 ? "" : """
          - server_class: storage
            connection_id: fe
            connection_name: frontend
            nic: fe
            port_index: 0
            ports_per_connection: 1
            hedgehog_conn_type: unbundled
            distribution: alternating
            target_zone: fe-leaf/storage
            speed: 400
        """;
    String naming = serverPattern == null ? "" : "naming_templates:\n  - {device_category: server, pattern: \"" + serverPattern + "\"}\n";
    return """
        meta:
          case_id: recon_lab
          name: Recon Lab
          version: 1
          managed_by: yaml
        reference_data:
          manufacturers:
            - {id: acme, name: Acme, slug: acme}
          device_types:
            - id: acme_sw
              manufacturer: acme
              model: Acme SW-48
              slug: acme-sw-48
              interface_templates:
        %s
            - id: acme_node
              manufacturer: acme
              model: Acme Node
              slug: acme-node
              interface_templates:
                - {name: bmc, type: 1000base-t}
          device_type_extensions:
            - id: acme_sw_ext
              device_type: acme_sw
              hedgehog_roles: [spine, server-leaf]
              supported_breakouts: [1x800g, 2x400g]
              native_speed: 800
              uplink_ports: 8
          breakout_options:
            - {id: b_1x800, breakout_id: 1x800g, from_speed: 800, logical_ports: 1, logical_speed: 800}
            - {id: b_2x400, breakout_id: 2x400g, from_speed: 800, logical_ports: 2, logical_speed: 400}
          module_types:
            - id: nic_2p
              manufacturer: acme
              model: Acme NIC 2P
              interface_templates:
                - {name: p0, type: other}
                - {name: p1, type: other}
        plan:
          name: Recon Lab
          status: draft
        switch_classes:
          - switch_class_id: fe-leaf
            fabric_name: frontend
            fabric_class: managed
            hedgehog_role: server-leaf
            device_type_extension: acme_sw_ext
            uplink_ports_per_switch: 0
            override_quantity: 2
          - switch_class_id: be-leaf
            fabric_name: backend
            fabric_class: managed
            hedgehog_role: server-leaf
            device_type_extension: acme_sw_ext
            uplink_ports_per_switch: 0
            override_quantity: 2
        switch_port_zones:
          - {switch_class: fe-leaf, zone_name: servers, zone_type: server, port_spec: 1-40, breakout_option: b_2x400, priority: 10}
          - {switch_class: fe-leaf, zone_name: storage, zone_type: server, port_spec: 41-48, breakout_option: b_2x400, priority: 20}
          - {switch_class: be-leaf, zone_name: servers, zone_type: server, port_spec: 1-40, breakout_option: b_2x400, priority: 10}
        server_classes:
          - server_class_id: gpu
            category: gpu
            quantity: %d
            server_device_type: acme_node
        %s
        server_nics:
          - {server_class: gpu, nic_id: be, module_type: nic_2p}
          - {server_class: gpu, nic_id: fe, module_type: nic_2p}
        %s
        server_connections:
          - server_class: gpu
            connection_id: be
            connection_name: backend
            nic: be
            port_index: 0
            ports_per_connection: 1
            hedgehog_conn_type: unbundled
            distribution: %s
            target_zone: be-leaf/servers
            speed: 400
          - server_class: gpu
            connection_id: fe
            connection_name: frontend
            nic: fe
            port_index: 0
            ports_per_connection: 1
            hedgehog_conn_type: unbundled
            distribution: alternating
            target_zone: fe-leaf/servers
            speed: 400
        %s
        %s
        """.formatted(templates.toString().stripTrailing(), gpus, storageClass.stripTrailing(), storageNic.stripTrailing(), backendDistribution,
            storageConnection.stripTrailing(), naming);
  }
}
