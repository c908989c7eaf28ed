package dev.diet.memory;

import dev.diet.spi.NetBoxBackend;
import dev.diet.spi.contract.ManualChanges;
import dev.diet.spi.contract.NetBoxBackendContract;
import dev.diet.state.ObjectKind;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The backend contract, run against the in-memory NetBox. */
class InMemoryNetBoxContractTest extends NetBoxBackendContract {
  @Override
  protected NetBoxBackend newBackend() {
    return new InMemoryNetBox();
  }

  @Override
  protected ManualChanges manualChanges(NetBoxBackend backend) {
    InMemoryNetBox netbox = (InMemoryNetBox) backend;
    return new ManualChanges() {
      @Override
      public void editField(ObjectKind kind, long id, String field, Object value) {
        netbox.edit(kind, id, field, value);
      }

      @Override
      public void delete(ObjectKind kind, long id) {
        netbox.delete(kind, id);
      }

      @Override
      public long addIpAddress(long interfaceId, String address) {
        return netbox.addIpAddress(interfaceId, address);
      }

      @Override
      public long addDevice(String siteSlug, String name, String roleSlug, String deviceTypeSlug) {
        return netbox.addDevice(siteSlug, name, roleSlug, deviceTypeSlug);
      }

      @Override
      public long addInterface(long deviceId, String name, String type) {
        return netbox.addInterface(deviceId, name, type);
      }

      @Override
      public long addCable(long interfaceA, long interfaceB) {
        return netbox.addCable(interfaceA, interfaceB);
      }

      @Override
      public void addTag(ObjectKind kind, long id, String tagSlug) {
        netbox.addTag(kind, id, tagSlug);
      }

      @Override
      public void createReference(ObjectKind kind, Map<String, ?> fields) {
        netbox.create(kind, fields);
      }

      @Override
      public List<String> interfaceNames(long deviceId) {
        return netbox.interfacesOf(deviceId).stream().map(i -> (String) i.field("name")).sorted().collect(Collectors.toList());
      }

      @Override
      public boolean exists(ObjectKind kind, long id) {
        return netbox.get(kind, id).isPresent();
      }
    };
  }
}
