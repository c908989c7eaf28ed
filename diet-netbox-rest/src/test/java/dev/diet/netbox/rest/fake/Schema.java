package dev.diet.netbox.rest.fake;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The endpoints the fake serves, with NetBox 4.4's fields, defaults and uniqueness rules. */
final class Schema {
  static final String SITES = "dcim/sites";
  static final String MANUFACTURERS = "dcim/manufacturers";
  static final String ROLES = "dcim/device-roles";
  static final String DEVICE_TYPES = "dcim/device-types";
  static final String MODULE_TYPES = "dcim/module-types";
  static final String INTERFACE_TEMPLATES = "dcim/interface-templates";
  static final String DEVICES = "dcim/devices";
  static final String MODULE_BAYS = "dcim/module-bays";
  static final String MODULES = "dcim/modules";
  static final String INTERFACES = "dcim/interfaces";
  static final String CABLES = "dcim/cables";
  static final String TAGS = "extras/tags";
  static final String CUSTOM_FIELDS = "extras/custom-fields";
  static final String IP_ADDRESSES = "ipam/ip-addresses";

  private final Map<String, Resource> byPath = new LinkedHashMap<>();

  Schema() {
    add(new Resource(SITES, "dcim.site", "name", true)
        .text("name", true, null).text("slug", true, null).choice("status", false, "active").text("description", false, "")
        .unique("site with this name already exists.", false, "name")
        .unique("site with this slug already exists.", false, "slug"));
    add(new Resource(MANUFACTURERS, "dcim.manufacturer", "name", true)
        .text("name", true, null).text("slug", true, null).text("description", false, "")
        .unique("manufacturer with this name already exists.", false, "name")
        .unique("manufacturer with this slug already exists.", false, "slug"));
    add(new Resource(ROLES, "dcim.devicerole", "name", true)
        .text("name", true, null).text("slug", true, null).text("color", false, "9e9e9e").text("description", false, "")
        .unique("device role with this name already exists.", false, "name")
        .unique("device role with this slug already exists.", false, "slug"));
    add(new Resource(TAGS, "extras.tag", "name", false)
        .text("name", true, null).text("slug", true, null).text("color", false, "9e9e9e").text("description", false, "")
        .unique("tag with this name already exists.", false, "name")
        .unique("tag with this slug already exists.", false, "slug"));
    add(new Resource(CUSTOM_FIELDS, "extras.customfield", "name", false)
        .text("name", true, null).choice("type", false, "text").stringList("object_types", true).text("label", false, "")
        .choice("filter_logic", false, "loose")
        .text("description", false, "")
        .unique("custom field with this name already exists.", false, "name"));
    add(new Resource(DEVICE_TYPES, "dcim.devicetype", "model", true)
        .fk("manufacturer", MANUFACTURERS, true).text("model", true, null).text("slug", true, null).decimal("u_height", 1.0)
        .bool("is_full_depth", true).text("description", false, "")
        .unique("Device type with this manufacturer and model already exists.", false, "manufacturer", "model")
        .unique("Device type with this manufacturer and slug already exists.", false, "manufacturer", "slug"));
    add(new Resource(MODULE_TYPES, "dcim.moduletype", "model", true)
        .fk("manufacturer", MANUFACTURERS, true).text("model", true, null).named("profile").text("description", false, "")
        .unique("Module type with this manufacturer and model already exists.", false, "manufacturer", "model"));
    add(new Resource(INTERFACE_TEMPLATES, "dcim.interfacetemplate", "name", false)
        .fk("device_type", DEVICE_TYPES, false).fk("module_type", MODULE_TYPES, false).text("name", true, null)
        .choice("type", true, null).text("label", false, "").bool("enabled", true).text("description", false, "")
        .unique("Interface template with this device type and name already exists.", false, "device_type", "name")
        .unique("Interface template with this module type and name already exists.", false, "module_type", "name"));
    add(new Resource(DEVICES, "dcim.device", "name", true)
        .text("name", false, null).fk("site", SITES, true).fk("role", ROLES, true).fk("device_type", DEVICE_TYPES, true)
        .choice("status", false, "active").text("serial", false, "").text("asset_tag", false, null).text("description", false, "")
        .text("comments", false, "")
        .unique("Device name must be unique per site.", true, "site", "name"));
    add(new Resource(MODULE_BAYS, "dcim.modulebay", "name", true)
        .fk("device", DEVICES, true).text("name", true, null).text("label", false, "").text("position", false, "")
        .text("description", false, "")
        .unique("Module bay with this Device and Name already exists.", false, "device", "name"));
    add(new Resource(MODULES, "dcim.module", "id", true)
        .fk("device", DEVICES, true).fk("module_bay", MODULE_BAYS, true).fk("module_type", MODULE_TYPES, true)
        .choice("status", false, "active").text("serial", false, "").text("asset_tag", false, null).text("description", false, "")
        .unique("Module with this Module bay already exists.", false, "module_bay"));
    add(new Resource(INTERFACES, "dcim.interface", "name", true)
        .fk("device", DEVICES, true).fk("module", MODULES, false).text("name", true, null).choice("type", true, null)
        .bool("enabled", true).text("label", false, "").integer("mtu").text("description", false, "")
        .unique("Interface with this Device and Name already exists.", false, "device", "name"));
    add(new Resource(CABLES, "dcim.cable", "id", true)
        .choice("status", false, "connected").choice("type", false, "").text("label", false, "").text("color", false, "")
        .decimal("length", null).text("description", false, ""));
    add(new Resource(IP_ADDRESSES, "ipam.ipaddress", "address", true)
        .text("address", true, null).choice("status", false, "active").text("assigned_object_type", false, null)
        .integer("assigned_object_id").text("description", false, ""));
  }

  private void add(Resource r) {
    byPath.put(r.path, r);
  }

  Resource get(String path) {
    return byPath.get(path);
  }

  Collection<Resource> all() {
    return byPath.values();
  }
}
