package dev.diet.netbox.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diet.spi.OwnershipCodec;
import dev.diet.spi.contract.ManualChanges;
import dev.diet.state.Fields;
import dev.diet.state.ObjectKey;
import dev.diet.state.ObjectKind;
import dev.diet.state.Ref;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A person at NetBox's UI, acting on a JDBC backend's database with plain SQL the way NetBox's
 * views would (cascading deletes, template interfaces, cable terminations). For the contract suite
 * and the database tests.
 */
public final class SqlPerson implements ManualChanges {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final JdbcNetBoxBackend backend;

  public SqlPerson(JdbcNetBoxBackend backend) {
    this.backend = backend;
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T tx(Work<T> work) {
    return backend.withConnection(c -> {
      try {
        c.setAutoCommit(false);
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private String json() {
    return backend.dialect().jsonParameter();
  }

  private static long nextId(Connection c, Dialect d, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(d.allocateIds(table))) {
      ps.setInt(1, 1);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  private static Long queryLong(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long v = rs.getLong(1);
        return rs.wasNull() ? null : v;
      }
    }
  }

  private static List<Long> queryIds(Connection c, String sql, Object... params) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  private int ct(String name) {
    return backend.contentTypes().get(name);
  }

  @Override
  public void editField(ObjectKind kind, long id, String field, Object value) {
    tx(c -> {
      String table = Vocab.table(kind);
      if (Fields.isCustomField(field)) {
        String text;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + backend.dialect().jsonText("custom_field_data") + " FROM " + table
            + " WHERE id = ?")) {
          ps.setLong(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            text = rs.getString(1);
          }
        }
        ObjectNode cf;
        try {
          cf = (ObjectNode) MAPPER.readTree(text);
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
        cf.set(field.substring(Fields.CUSTOM_FIELD_PREFIX.length()), OwnershipCodec.valueNode(value));
        exec(c, "UPDATE " + table + " SET custom_field_data = " + json() + ", last_updated = ? WHERE id = ?", cf.toString(), now(), id);
      } else {
        Vocab.Field f = Vocab.field(kind, field);
        if (f == null || f.special) {
          throw new IllegalArgumentException("NetBox refuses: " + kind.contentType() + " has no editable field '" + field + "'");
        }
        Object v = value instanceof Ref ? resolve(c, (Ref) value) : value;
        exec(c, "UPDATE " + table + " SET " + Db.quote(f.column) + " = ?, last_updated = ? WHERE id = ?", v, now(), id);
      }
      return null;
    });
  }

  private Long resolve(Connection c, Ref ref) throws SQLException {
    ObjectKey key = ref.key();
    if (key.isReference()) {
      return queryLong(c, "SELECT id FROM " + Vocab.table(key.kind()) + " WHERE slug = ?", key.path());
    }
    throw new IllegalArgumentException("give owned objects by id");
  }

  @Override
  public void delete(ObjectKind kind, long id) {
    tx(c -> {
      switch (kind) {
        case DEVICE:
          for (Long i : queryIds(c, "SELECT id FROM dcim_interface WHERE device_id = ?", id)) {
            deleteInterface(c, i);
          }
          exec(c, "DELETE FROM dcim_module WHERE device_id = ?", id);
          exec(c, "DELETE FROM dcim_modulebay WHERE device_id = ?", id);
          dropRow(c, "dcim_device", id);
          break;
        case INTERFACE:
          deleteInterface(c, id);
          break;
        case CABLE:
          deleteCable(c, id);
          break;
        case MODULE:
          for (Long i : queryIds(c, "SELECT id FROM dcim_interface WHERE module_id = ?", id)) {
            deleteInterface(c, i);
          }
          dropRow(c, "dcim_module", id);
          break;
        case MODULE_BAY:
          for (Long m : queryIds(c, "SELECT id FROM dcim_module WHERE module_bay_id = ?", id)) {
            for (Long i : queryIds(c, "SELECT id FROM dcim_interface WHERE module_id = ?", m)) {
              deleteInterface(c, i);
            }
            dropRow(c, "dcim_module", m);
          }
          dropRow(c, "dcim_modulebay", id);
          break;
        default:
          dropRow(c, Vocab.table(kind), id);
      }
      return null;
    });
  }

  private void deleteInterface(Connection c, long id) throws SQLException {
    Long cable = queryLong(c, "SELECT cable_id FROM dcim_interface WHERE id = ?", id);
    if (cable != null) {
      deleteCable(c, cable);
    }
    for (Long ip : queryIds(c, "SELECT id FROM ipam_ipaddress WHERE assigned_object_type_id = ? AND assigned_object_id = ?",
        ct("dcim.interface"), id)) {
      dropRow(c, "ipam_ipaddress", ip);
    }
    exec(c, "UPDATE dcim_device SET interface_count = interface_count - 1 WHERE id = (SELECT device_id FROM dcim_interface WHERE id = ?)", id);
    dropRow(c, "dcim_interface", id);
  }

  private void deleteCable(Connection c, long cable) throws SQLException {
    List<Long> paths = queryIds(c, "SELECT _path_id FROM dcim_interface WHERE cable_id = ? AND _path_id IS NOT NULL", cable);
    exec(c, "UPDATE dcim_interface SET cable_id = NULL, cable_end = NULL, _path_id = NULL WHERE cable_id = ?", cable);
    for (Long p : paths) {
      exec(c, "DELETE FROM dcim_cablepath WHERE id = ?", p);
    }
    exec(c, "DELETE FROM dcim_cabletermination WHERE cable_id = ?", cable);
    dropRow(c, "dcim_cable", cable);
  }

  private void dropRow(Connection c, String table, long id) throws SQLException {
    int cut = table.indexOf('_');
    Integer ct = backend.contentTypes().get(table.substring(0, cut) + "." + table.substring(cut + 1));
    if (ct != null) {
      exec(c, "DELETE FROM extras_taggeditem WHERE content_type_id = ? AND object_id = ?", ct, id);
      exec(c, "DELETE FROM extras_cachedvalue WHERE object_type_id = ? AND object_id = ?", ct, id);
    }
    exec(c, "DELETE FROM " + table + " WHERE id = ?", id);
  }

  @Override
  public long addIpAddress(long interfaceId, String address) {
    return tx(c -> {
      long id = nextId(c, backend.dialect(), "ipam_ipaddress");
      String addr = backend.dialect() == Dialect.POSTGRES ? "CAST(? AS inet)" : "?";
      exec(c, "INSERT INTO ipam_ipaddress (id, created, last_updated, custom_field_data, address, status, assigned_object_id, "
          + "assigned_object_type_id, dns_name, description, comments) VALUES (?, ?, ?, " + json() + ", " + addr + ", 'active', ?, ?, '', '', '')",
          id, now(), now(), "{}", address, interfaceId, ct("dcim.interface"));
      return id;
    });
  }

  @Override
  public long addDevice(String siteSlug, String name, String roleSlug, String deviceTypeSlug) {
    return tx(c -> {
      long site = queryLong(c, "SELECT id FROM dcim_site WHERE slug = ?", siteSlug);
      long role = queryLong(c, "SELECT id FROM dcim_devicerole WHERE slug = ?", roleSlug);
      long type = queryLong(c, "SELECT id FROM dcim_devicetype WHERE slug = ?", deviceTypeSlug);
      long id = nextId(c, backend.dialect(), "dcim_device");
      exec(c, "INSERT INTO dcim_device (id, created, last_updated, custom_field_data, name, serial, status, comments, role_id, "
          + "device_type_id, site_id, description, console_port_count, console_server_port_count, power_port_count, "
          + "power_outlet_count, interface_count, front_port_count, rear_port_count, device_bay_count, module_bay_count, "
          + "inventory_item_count) VALUES (?, ?, ?, " + json() + ", ?, '', 'active', '', ?, ?, ?, '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)",
          id, now(), now(), "{}", name, role, type, site);
      List<String[]> templates = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT name, type FROM dcim_interfacetemplate WHERE device_type_id = ? ORDER BY id")) {
        ps.setLong(1, type);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            templates.add(new String[] {rs.getString(1), rs.getString(2)});
          }
        }
      }
      for (String[] t : templates) {
        insertInterface(c, id, t[0], t[1]);
      }
      return id;
    });
  }

  private long insertInterface(Connection c, long device, String name, String type) throws SQLException {
    long id = nextId(c, backend.dialect(), "dcim_interface");
    exec(c, "INSERT INTO dcim_interface (id, created, last_updated, custom_field_data, name, label, description, mark_connected, "
        + "enabled, _name, type, mgmt_only, device_id, _site_id) VALUES (?, ?, ?, " + json() + ", ?, '', '', false, true, ?, ?, false, ?, "
        + "(SELECT site_id FROM dcim_device WHERE id = ?))", id, now(), now(), "{}", name, Naturalize.interfaceName(name, 100), type,
        device, device);
    exec(c, "UPDATE dcim_device SET interface_count = interface_count + 1 WHERE id = ?", device);
    return id;
  }

  @Override
  public long addInterface(long deviceId, String name, String type) {
    return tx(c -> insertInterface(c, deviceId, name, type));
  }

  @Override
  public long addCable(long interfaceA, long interfaceB) {
    return tx(c -> {
      for (long i : new long[] {interfaceA, interfaceB}) {
        if (queryLong(c, "SELECT cable_id FROM dcim_interface WHERE id = ?", i) != null) {
          throw new IllegalArgumentException("NetBox refuses: interface #" + i + " already has a cable");
        }
      }
      long id = nextId(c, backend.dialect(), "dcim_cable");
      exec(c, "INSERT INTO dcim_cable (id, created, last_updated, custom_field_data, status, label, color, comments, description) "
          + "VALUES (?, ?, ?, " + json() + ", 'connected', '', '', '', '')", id, now(), now(), "{}");
      String[] ends = {"A", "B"};
      long[] ifaces = {interfaceA, interfaceB};
      for (int e = 0; e < 2; e++) {
        exec(c, "INSERT INTO dcim_cabletermination (id, cable_end, termination_id, cable_id, termination_type_id, _device_id, _site_id, "
            + "created, last_updated) SELECT ?, ?, i.id, ?, ?, i.device_id, i._site_id, ?, ? FROM dcim_interface i WHERE i.id = ?",
            nextId(c, backend.dialect(), "dcim_cabletermination"), ends[e], id, ct("dcim.interface"), now(), now(), ifaces[e]);
        exec(c, "UPDATE dcim_interface SET cable_id = ?, cable_end = ? WHERE id = ?", id, ends[e], ifaces[e]);
      }
      return id;
    });
  }

  @Override
  public void addTag(ObjectKind kind, long id, String tagSlug) {
    tx(c -> {
      Long tag = queryLong(c, "SELECT id FROM extras_tag WHERE slug = ?", tagSlug);
      if (tag == null) {
        tag = nextId(c, backend.dialect(), "extras_tag");
        exec(c, "INSERT INTO extras_tag (id, name, slug, created, last_updated, color, description, weight) VALUES (?, ?, ?, ?, ?, "
            + "'9e9e9e', '', 1000)", tag, tagSlug, tagSlug, now(), now());
      }
      exec(c, "INSERT INTO extras_taggeditem (id, object_id, content_type_id, tag_id) VALUES (?, ?, ?, ?)",
          nextId(c, backend.dialect(), "extras_taggeditem"), id, ct(kind.contentType()), tag);
      return null;
    });
  }

  @Override
  public void createReference(ObjectKind kind, Map<String, ?> fields) {
    tx(c -> {
      String table = Vocab.table(kind);
      long id = nextId(c, backend.dialect(), table);
      Object name = fields.get(Fields.NAME);
      Object slug = fields.get(Fields.SLUG);
      Object color = fields.containsKey(Fields.COLOR) ? fields.get(Fields.COLOR) : "9e9e9e";
      switch (kind) {
        case DEVICE_ROLE:
          exec(c, "INSERT INTO dcim_devicerole (id, created, last_updated, custom_field_data, name, slug, color, vm_role, description, "
              + "level, lft, rght, tree_id, comments) VALUES (?, ?, ?, " + json() + ", ?, ?, ?, true, '', 0, 1, 2, "
              + "(SELECT COALESCE(MAX(tree_id), 0) + 1 FROM dcim_devicerole), '')", id, now(), now(), "{}", name, slug, color);
          break;
        case MANUFACTURER:
          exec(c, "INSERT INTO dcim_manufacturer (id, created, last_updated, custom_field_data, name, slug, description) VALUES "
              + "(?, ?, ?, " + json() + ", ?, ?, '')", id, now(), now(), "{}", name, slug);
          break;
        case SITE:
          exec(c, "INSERT INTO dcim_site (id, created, last_updated, custom_field_data, name, slug, status, facility, description, "
              + "physical_address, shipping_address, comments) VALUES (?, ?, ?, " + json() + ", ?, ?, 'active', '', '', '', '', '')",
              id, now(), now(), "{}", name, slug);
          break;
        case TAG:
          exec(c, "INSERT INTO extras_tag (id, name, slug, created, last_updated, color, description, weight) VALUES "
              + "(?, ?, ?, ?, ?, ?, '', 1000)", id, name, slug, now(), now(), color);
          break;
        default:
          throw new UnsupportedOperationException("the test person does not create " + kind.contentType());
      }
      return null;
    });
  }

  @Override
  public List<String> interfaceNames(long deviceId) {
    return tx(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT name FROM dcim_interface WHERE device_id = ? ORDER BY name")) {
        ps.setLong(1, deviceId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
      out.sort(null);
      return out;
    });
  }

  @Override
  public boolean exists(ObjectKind kind, long id) {
    return tx(c -> queryLong(c, "SELECT id FROM " + Vocab.table(kind) + " WHERE id = ?", id) != null);
  }
}
