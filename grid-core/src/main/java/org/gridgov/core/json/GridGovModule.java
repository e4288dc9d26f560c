package org.gridgov.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.function.Function;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.HierarchyException;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.access.Principal;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseId;
import org.gridgov.core.internal.CoreCodec;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;
import org.gridgov.core.time.TimeLimit;
import org.gridgov.core.time.TimeLimitTable;
import org.gridgov.core.time.TimeLimits;
import org.gridgov.core.time.WorkCalendar;

/**
 * A Jackson module with GridGov's JSON formats for the core types, for applications that use their
 * own {@code ObjectMapper}: {@code mapper.registerModule(new GridGovModule())}. Written by hand, no
 * reflection: the formats are exactly those of {@link GridGovJson}. Errors surface as Jackson's
 * {@link JsonMappingException} with the JSON pointer in the message.
 */
public final class GridGovModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Creates the module. */
  public GridGovModule() {
    super("GridGovModule");
    scalar(GridId.class, GridId::value, GridId::of);
    scalar(GridLevel.class, GridLevel::name, GridLevel::of);
    scalar(CaseId.class, CaseId::value, CaseId::of);
    scalar(TimeLimit.class, TimeLimit::toString, TimeLimit::parse);
    tree(Grid.class, CoreCodec::writeGrid, CoreCodec::readGrid);
    tree(Case.class, CoreCodec::writeCase, CoreCodec::readCase);
    tree(TimeLimits.class, CoreCodec::writeTimeLimits, CoreCodec::readTimeLimits);
    tree(TimeLimitTable.class, CoreCodec::writeTimeLimitTable, CoreCodec::readTimeLimitTable);
    tree(WorkCalendar.class, CoreCodec::writeCalendar, CoreCodec::readCalendar);
    tree(Principal.class, CoreCodec::writePrincipal, CoreCodec::readPrincipal);
    tree(
        GridHierarchy.class,
        h -> CoreCodec.writeHierarchy(h.ladder(), h.grids()),
        n -> {
          CoreCodec.HierarchyDoc d = CoreCodec.readHierarchy(n);
          try {
            return GridHierarchy.builder(d.ladder()).addAll(d.grids()).build();
          } catch (HierarchyException e) {
            throw n.fail("grids", e.getMessage());
          }
        });
    tree(
        GeoPoint.class,
        g ->
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("lon", g.lon())
                .put("lat", g.lat()),
        n -> {
          JsonNode j = n.node();
          if (!j.isObject() || !j.path("lon").isNumber() || !j.path("lat").isNumber()) {
            throw n.fail("expected {\"lon\": number, \"lat\": number}");
          }
          return n.guard(() -> GeoPoint.of(j.get("lon").doubleValue(), j.get("lat").doubleValue()));
        });
  }

  private <T> void scalar(Class<T> type, Function<T, String> write, Function<String, T> read) {
    addSerializer(
        type,
        new JsonSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator gen, SerializerProvider sp)
              throws IOException {
            gen.writeString(write.apply(value));
          }
        });
    addDeserializer(
        type,
        new JsonDeserializer<T>() {
          @Override
          public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String s = p.getValueAsString();
            if (s == null) {
              throw JsonMappingException.from(p, "expected a string for " + type.getSimpleName());
            }
            try {
              return read.apply(s);
            } catch (IllegalArgumentException e) {
              throw JsonMappingException.from(p, e.getMessage(), e);
            }
          }
        });
  }

  private <T> void tree(Class<T> type, Function<T, JsonNode> write, Function<JsonNodeAt, T> read) {
    addSerializer(
        type,
        new JsonSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator gen, SerializerProvider sp)
              throws IOException {
            gen.writeTree(write.apply(value));
          }
        });
    addDeserializer(
        type,
        new JsonDeserializer<T>() {
          @Override
          public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode n = p.readValueAsTree();
            try {
              return read.apply(JsonNodeAt.of(n, "", Problems.firstError("")));
            } catch (InvalidInputException e) {
              throw JsonMappingException.from(
                  p, e.pointer().map(x -> x + ": ").orElse("") + e.reason());
            }
          }
        });
  }
}
