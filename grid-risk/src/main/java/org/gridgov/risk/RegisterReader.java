package org.gridgov.risk;

import com.google.common.collect.ImmutableListMultimap;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.access.AccessControl;
import org.gridgov.core.access.AccessDecision;
import org.gridgov.core.access.Permission;
import org.gridgov.core.access.Principal;

/**
 * Graded access to an element register (分级授权): every read goes through grid-core's {@link
 * AccessControl}. A principal reads an element when its role grants {@link Permission#READ} and the
 * element's grid lies within its bound grids; the personal fields ({@link
 * Element#personalFields()}: every field of a person, the marked fields of other elements) are
 * shown only when the role also grants {@link Permission#READ_PERSONAL}, and masked otherwise.
 *
 * <p>Every read that touches a personal field is recorded in the {@link ReadAudit} before the
 * answer is returned: who, when (the injected clock), which element, which personal fields were
 * shown and which masked. A refused read of an element that exists is recorded too, with nothing
 * shown and every personal field masked (the attempt is the audit's business); a read of an id not
 * in force on the date, and a read of an element without personal fields, leave no record.
 *
 * <p><b>No probing.</b> {@link #read} answers an element that exists but lies outside the
 * principal's grids exactly as it answers an id that does not exist (or is not in force on the
 * date): the same {@link ReadRefusal} ({@link ReadRefusal.Why#NOT_FOUND}, the same reason, no
 * hint), so a principal cannot find out which ids exist beyond its scope. Only the audit tells the
 * two apart: the attempt on an existing element is recorded as above. A role without {@link
 * Permission#READ} is refused ({@link ReadRefusal.Why#DENIED}, naming the role) whatever the id,
 * before the register is looked at.
 *
 * <p>Thread-safe when the audit is (the register is immutable).
 */
public final class RegisterReader {
  private final ElementRegister register;
  private final AccessControl access;
  private final ReadAudit audit;
  private final Clock clock;
  private final ImmutableListMultimap<GridId, String> idsByGrid;

  private RegisterReader(
      ElementRegister register, AccessControl access, ReadAudit audit, Clock clock) {
    this.register = Objects.requireNonNull(register, "register");
    this.access = Objects.requireNonNull(access, "access");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    ImmutableListMultimap.Builder<GridId, String> b = ImmutableListMultimap.builder();
    for (String id : register.ids()) {
      Set<GridId> grids = new LinkedHashSet<>();
      for (ElementVersion v : register.versions(id)) {
        v.element().ifPresent(e -> grids.add(e.grid()));
      }
      grids.forEach(g -> b.put(g, id));
    }
    this.idsByGrid = b.build();
  }

  /**
   * A reader stamping its records with the system clock in UTC.
   *
   * @param register the register
   * @param access the access control over the city's grids
   * @param audit where reads of personal fields are recorded
   * @return the reader
   */
  public static RegisterReader of(ElementRegister register, AccessControl access, ReadAudit audit) {
    return of(register, access, audit, Clock.systemUTC());
  }

  /**
   * A reader stamping its records with a clock.
   *
   * @param register the register
   * @param access the access control over the city's grids
   * @param audit where reads of personal fields are recorded
   * @param clock the clock for {@link ReadRecord#at()}
   * @return the reader
   */
  public static RegisterReader of(
      ElementRegister register, AccessControl access, ReadAudit audit, Clock clock) {
    return new RegisterReader(register, access, audit, clock);
  }

  /**
   * Reads an element as it stood on a date.
   *
   * @param who the principal
   * @param id the element id
   * @param date the date
   * @return the view (personal fields masked without {@link Permission#READ_PERSONAL}), or a
   *     refusal: {@link ReadRefusal.Why#DENIED} when the role does not grant {@link
   *     Permission#READ} (whatever the id), else {@link ReadRefusal.Why#NOT_FOUND} — the same
   *     refusal, word for word — when no element with the id is in force then or when it lies
   *     outside the principal's grids (see "No probing" above)
   */
  public ElementRead read(Principal who, String id, LocalDate date) {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Optional<Element> e = register.element(id, date);
    if (!who.role().permissions().contains(Permission.READ)) {
      e.ifPresent(element -> recordRefused(who, element));
      return new ReadRefusal(
          id,
          ReadRefusal.Why.DENIED,
          who.id()
              + " has role "
              + who.role().name()
              + ", which does not grant "
              + Permission.READ);
    }
    if (e.isPresent()) {
      Element element = e.get();
      if (access.check(who, Permission.READ, element).allowed()) {
        return view(
            who, element, date, access.check(who, Permission.READ_PERSONAL, element).allowed());
      }
      recordRefused(who, element); // then answered as if it did not exist: no hint
    }
    return new ReadRefusal(
        id,
        ReadRefusal.Why.NOT_FOUND,
        "no element '" + id + "' that " + who.id() + " may read is in force on " + date);
  }

  /** Records a refused read of an existing element: nothing shown, every personal field masked. */
  private void recordRefused(Principal who, Element element) {
    Set<String> personal = element.personalFields();
    if (!personal.isEmpty()) {
      audit.record(
          new ReadRecord(now(), who.id(), who.role().name(), element.id(), Set.of(), personal));
    }
  }

  /**
   * Reads every element in force in one grid on a date (elements bound to exactly that grid).
   *
   * @param who the principal
   * @param grid the grid
   * @param date the date
   * @return the elements, each masked as {@link #read} would, or a refusal with the access
   *     decision's reason when the principal may not read the grid
   */
  public GridRead list(Principal who, GridId grid, LocalDate date) {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(date, "date");
    AccessDecision read = access.check(who, Permission.READ, grid);
    if (!read.allowed()) {
      return new ReadRefusal(grid.value(), ReadRefusal.Why.DENIED, read.reason());
    }
    boolean personal = access.check(who, Permission.READ_PERSONAL, grid).allowed();
    List<ElementView> out = new ArrayList<>();
    for (String id : idsByGrid.get(grid)) {
      Optional<Element> e = register.element(id, date);
      if (e.isPresent() && e.get().grid().equals(grid)) {
        out.add(view(who, e.get(), date, personal));
      }
    }
    return new GridElements(grid, date, out);
  }

  private ElementView view(Principal who, Element e, LocalDate date, boolean showPersonal) {
    Set<String> personal = e.personalFields();
    Set<String> masked = showPersonal ? Set.of() : personal;
    String name = masked.contains(Element.NAME) ? ElementView.MASK : e.name();
    Optional<GeoPoint> position =
        masked.contains(Element.POSITION) ? Optional.empty() : e.position();
    Map<String, String> attributes = new LinkedHashMap<>(e.attributes());
    for (String f : masked) {
      attributes.computeIfPresent(f, (k, v) -> ElementView.MASK);
    }
    if (!personal.isEmpty()) {
      audit.record(
          new ReadRecord(
              now(),
              who.id(),
              who.role().name(),
              e.id(),
              showPersonal ? personal : Set.of(),
              masked));
    }
    return new ElementView(
        e.id(),
        e.type(),
        e.grid(),
        date,
        position,
        name,
        attributes,
        register.colour(e.id(), date).flatMap(ColourMark::colour),
        masked);
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
