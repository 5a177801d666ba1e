package io.berth.scheduler.testing.mesos;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;

/**
 * Mesos (stout's {@code jsonify}) prints optional fields that declare a {@code [default = ...]}
 * even when unset, unless they are deprecated (reference section 1.4, rule 7): the emulator's JSON
 * does the same by setting them explicitly before printing.
 */
final class JsonDefaults {

  private JsonDefaults() {}

  static Message fill(Message message) {
    Message.Builder b = null;
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (field.isRepeated()) {
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && message.getRepeatedFieldCount(field) > 0) {
          List<?> items = (List<?>) message.getField(field);
          b = b == null ? message.toBuilder() : b;
          b.clearField(field);
          for (Object item : items) {
            b.addRepeatedField(field, fill((Message) item));
          }
        }
      } else if (message.hasField(field)) {
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          b = b == null ? message.toBuilder() : b;
          b.setField(field, fill((Message) message.getField(field)));
        }
      } else if (field.hasDefaultValue() && !field.getOptions().getDeprecated() && field.getContainingOneof() == null) {
        b = b == null ? message.toBuilder() : b;
        b.setField(field, field.getDefaultValue());
      }
    }
    return b == null ? message : b.buildPartial();
  }
}
