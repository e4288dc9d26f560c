package org.gridgov.rules.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.Severity;
import org.gridgov.core.io.Problems;
import org.gridgov.rules.table.TableFinding.Kind;

/**
 * The original table verifier, kept as the baseline of the verifier benchmark ({@link
 * TableVerifier#reference()}): pairwise loops over all rules, and gaps and masking by subtracting
 * rule boxes from a list of disjoint boxes; a reached box limit is only a {@link Kind#LIMIT} note.
 * One run: rules as boxes of column cells (see {@link ColumnIndex}), pairwise intersection for
 * overlaps and subsumption, recursive box subtraction for gaps and masking. A box is one {@link
 * BitSet} of cells per input column; it is empty when any column is. Not thread-safe; one instance
 * per verification.
 */
final class ReferenceVerification {
  private final DecisionTable table;
  private final int maxFindings;
  private final int maxBoxes;
  private final int n;
  private final ColumnIndex[] cols;
  private final BitSet[] domain;
  private final BitSet[] gapDomain;
  private final BitSet[][] boxes;
  private final Map<Kind, List<TableFinding>> found = new EnumMap<>(Kind.class);
  private final Map<Kind, Integer> omitted = new EnumMap<>(Kind.class);

  /**
   * Prepares the verification of a table.
   *
   * @param table the table
   * @param maxFindings the findings listed per kind
   * @param maxBoxes the box limit of the subtraction searches
   */
  ReferenceVerification(DecisionTable table, int maxFindings, int maxBoxes) {
    this.table = table;
    this.maxFindings = maxFindings;
    this.maxBoxes = maxBoxes;
    this.n = table.inputs().size();
    this.cols = new ColumnIndex[n];
    this.domain = new BitSet[n];
    this.gapDomain = new BitSet[n];
    List<Rule> rules = table.rules();
    for (int c = 0; c < n; c++) {
      List<UnaryTests> entries = new ArrayList<>(rules.size());
      boolean mentionsNull = false;
      for (Rule r : rules) {
        UnaryTests e = r.inputEntries().get(c);
        entries.add(e);
        mentionsNull |= e.tests().stream().anyMatch(t -> t instanceof UnaryTest.IsNull);
      }
      ColumnIndex col = new ColumnIndex(table.inputs().get(c), entries);
      cols[c] = col;
      BitSet d = new BitSet();
      for (int cell = 0; cell < col.cellCount(); cell++) {
        boolean isNull = cell == col.nullCell();
        if (isNull ? mentionsNull : col.isAllowed(cell) && !col.isEmpty(cell)) {
          d.set(cell);
        }
      }
      domain[c] = d;
      BitSet g = (BitSet) d.clone();
      if (restrictsGaps(col)) {
        g.clear(col.otherCell());
      }
      gapDomain[c] = g;
    }
    this.boxes = new BitSet[rules.size()][];
    for (Rule r : rules) {
      BitSet[] box = new BitSet[n];
      for (int c = 0; c < n; c++) {
        BitSet b = new BitSet();
        BitSet d = domain[c];
        for (int cell = d.nextSetBit(0); cell >= 0; cell = d.nextSetBit(cell + 1)) {
          if (cols[c].matches(r.inputEntries().get(c), cell)) {
            b.set(cell);
          }
        }
        box[c] = b;
      }
      boxes[r.index()] = box;
    }
  }

  /** A coded string column without allowed values that mentions literals: gaps assume them. */
  private static boolean restrictsGaps(ColumnIndex col) {
    return col.isCoded()
        && col.clause().type() == ValueType.STRING
        && col.clause().allowedValues().isAny()
        && col.otherCell() > 0;
  }

  /**
   * Runs every analysis.
   *
   * @return the findings, grouped by kind
   */
  public List<TableFinding> run() {
    List<Rule> rules = table.rules();
    boolean[] dead = new boolean[rules.size()];
    for (Rule r : rules) {
      dead[r.index()] = unsatisfiable(r);
    }
    overlaps(dead);
    if (!table.hasDefaults()) {
      gaps(dead);
    }
    boolean[] masked = masking(dead);
    subsumption(dead, masked);
    List<TableFinding> out = new ArrayList<>();
    for (Kind k : Kind.values()) {
      out.addAll(found.getOrDefault(k, List.of()));
      int more = omitted.getOrDefault(k, 0);
      if (more > 0) {
        out.add(
            finding(
                Kind.LIMIT,
                Severity.INFO,
                more + " more " + k + " findings are not listed",
                List.of(),
                Optional.empty()));
      }
    }
    return out;
  }

  private boolean unsatisfiable(Rule r) {
    BitSet[] box = boxes[r.index()];
    for (int c = 0; c < n; c++) {
      if (box[c].isEmpty()) {
        InputClause in = table.inputs().get(c);
        add(
            Kind.UNSATISFIABLE,
            Severity.WARNING,
            rule(r)
                + " never matches: its entry for '"
                + in.name()
                + "' ("
                + r.inputEntries().get(c)
                + ") matches no allowed value",
            List.of(r),
            Optional.empty());
        return true;
      }
    }
    return false;
  }

  private void overlaps(boolean[] dead) {
    HitPolicy p = table.hitPolicy();
    if (p != HitPolicy.UNIQUE && p != HitPolicy.ANY) {
      return;
    }
    List<Rule> rules = table.rules();
    for (int i = 0; i < rules.size(); i++) {
      for (int j = i + 1; j < rules.size(); j++) {
        if (dead[i] || dead[j] || !intersects(boxes[i], boxes[j])) {
          continue;
        }
        Rule a = rules.get(i);
        Rule b = rules.get(j);
        if (p == HitPolicy.ANY && sameOutputs(a, b)) {
          continue;
        }
        BitSet[] common = intersection(boxes[i], boxes[j]);
        add(
            Kind.OVERLAP,
            Severity.ERROR,
            rule(a)
                + " and "
                + rule(b).replace("rule ", "")
                + (p == HitPolicy.UNIQUE
                    ? " overlap under UNIQUE"
                    : " overlap with different outputs under ANY")
                + ": both match where "
                + describe(common, domain)
                + "; e.g. "
                + witness(common),
            List.of(a, b),
            Optional.of(witness(common)));
      }
    }
  }

  private void gaps(boolean[] dead) {
    for (int c = 0; c < n; c++) {
      if (restrictsGaps(cols[c])) {
        BitSet lits = gapDomain[c];
        StringBuilder sb = new StringBuilder();
        for (int cell = lits.nextSetBit(0); cell >= 0; cell = lits.nextSetBit(cell + 1)) {
          if (sb.length() > 0) {
            sb.append(", ");
          }
          sb.append(cols[c].describe(cell));
        }
        add(
            Kind.ASSUMPTION,
            Severity.INFO,
            "gaps assume input '"
                + cols[c].clause().name()
                + "' takes one of the values the rules mention ("
                + sb
                + "); declare its allowed values to make the gap analysis exact",
            List.of(),
            Optional.empty());
      }
    }
    List<BitSet[]> remaining = new ArrayList<>();
    if (!isEmpty(gapDomain)) {
      remaining.add(gapDomain);
    }
    for (Rule r : table.rules()) {
      if (dead[r.index()]) {
        continue;
      }
      remaining = subtract(remaining, boxes[r.index()]);
      if (remaining == null) {
        add(
            Kind.LIMIT,
            Severity.INFO,
            "gap analysis stopped: the uncovered inputs split into more than "
                + maxBoxes
                + " boxes",
            List.of(),
            Optional.empty());
        return;
      }
      if (remaining.isEmpty()) {
        return;
      }
    }
    Severity sev = table.hitPolicy().isSingleHit() ? Severity.WARNING : Severity.INFO;
    for (BitSet[] gap : merge(remaining)) {
      DecisionInput w = witness(gap);
      add(
          Kind.GAP,
          sev,
          "no rule matches where " + describe(gap, gapDomain) + "; e.g. " + w,
          List.of(),
          Optional.of(w));
    }
  }

  private boolean[] masking(boolean[] dead) {
    List<Rule> rules = table.rules();
    boolean[] masked = new boolean[rules.size()];
    HitPolicy p = table.hitPolicy();
    if (p != HitPolicy.FIRST && p != HitPolicy.PRIORITY) {
      return masked;
    }
    int[] rank = priorityRanks(p);
    for (int j = 0; j < rules.size(); j++) {
      if (dead[j]) {
        continue;
      }
      List<BitSet[]> remaining = new ArrayList<>();
      remaining.add(boxes[j]);
      List<Rule> by = new ArrayList<>();
      for (int i = 0; i < rules.size() && remaining != null && !remaining.isEmpty(); i++) {
        if (i == j || dead[i] || rank[i] > rank[j] || !intersects(boxes[i], boxes[j])) {
          continue;
        }
        by.add(rules.get(i));
        remaining = subtract(remaining, boxes[i]);
      }
      if (remaining == null) {
        add(
            Kind.LIMIT,
            Severity.INFO,
            "masking analysis of " + rule(rules.get(j)) + " stopped at " + maxBoxes + " boxes",
            List.of(rules.get(j)),
            Optional.empty());
        continue;
      }
      if (remaining.isEmpty()) {
        masked[j] = true;
        List<Rule> involved = new ArrayList<>();
        involved.add(rules.get(j));
        involved.addAll(by);
        DecisionInput w = witness(boxes[j]);
        add(
            Kind.MASKED,
            Severity.WARNING,
            rule(rules.get(j))
                + " never fires under "
                + p.dmnName()
                + ": "
                + (by.size() == 1 ? rule(by.get(0)) + " matches" : rules(by) + " match")
                + " every input it matches"
                + (p == HitPolicy.FIRST ? " and come first" : " with higher output priority")
                + "; e.g. "
                + w,
            involved,
            Optional.of(w));
      }
    }
    return masked;
  }

  /** Rank of each rule in the order the policy prefers: rule order, or output priority. */
  private int[] priorityRanks(HitPolicy p) {
    int count = table.rules().size();
    int[] rank = new int[count];
    if (p == HitPolicy.FIRST) {
      for (int i = 0; i < count; i++) {
        rank[i] = i;
      }
      return rank;
    }
    Outcomes.RuleFacts facts = Outcomes.lazyFacts(table);
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, facts::comparePriority);
    for (int i = 0; i < count; i++) {
      rank[order[i]] = i;
    }
    return rank;
  }

  private void subsumption(boolean[] dead, boolean[] masked) {
    List<Rule> rules = table.rules();
    for (int j = 0; j < rules.size(); j++) {
      if (dead[j] || masked[j]) {
        continue;
      }
      for (int i = 0; i < rules.size(); i++) {
        if (i == j || dead[i] || !sameOutputs(rules.get(i), rules.get(j))) {
          continue;
        }
        if (!subset(boxes[j], boxes[i])) {
          continue;
        }
        if (i > j && subset(boxes[i], boxes[j])) {
          continue; // identical boxes: report only the later rule as the redundant one
        }
        Rule by = rules.get(i);
        Rule r = rules.get(j);
        DecisionInput w = witness(boxes[j]);
        add(
            Kind.SUBSUMED,
            Severity.WARNING,
            rule(r)
                + " is subsumed by "
                + rule(by)
                + ": that rule matches every input it matches, with the same outputs; it can be"
                + " removed; e.g. "
                + w,
            List.of(r, by),
            Optional.of(w));
        break;
      }
    }
  }

  private boolean sameOutputs(Rule a, Rule b) {
    for (int o = 0; o < a.outputEntries().size(); o++) {
      if (!Values.same(a.outputEntries().get(o), b.outputEntries().get(o))) {
        return false;
      }
    }
    return true;
  }

  // ---- box algebra ----

  private static boolean isEmpty(BitSet[] box) {
    for (BitSet b : box) {
      if (b.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static boolean intersects(BitSet[] a, BitSet[] b) {
    for (int c = 0; c < a.length; c++) {
      if (!a[c].intersects(b[c])) {
        return false;
      }
    }
    return true;
  }

  private static BitSet[] intersection(BitSet[] a, BitSet[] b) {
    BitSet[] out = new BitSet[a.length];
    for (int c = 0; c < a.length; c++) {
      out[c] = (BitSet) a[c].clone();
      out[c].and(b[c]);
    }
    return out;
  }

  private static boolean subset(BitSet[] a, BitSet[] b) {
    for (int c = 0; c < a.length; c++) {
      BitSet x = (BitSet) a[c].clone();
      x.andNot(b[c]);
      if (!x.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Subtracts a box from a list of disjoint boxes, keeping them disjoint; null when the result
   * exceeds the box limit.
   */
  private List<BitSet[]> subtract(List<BitSet[]> from, BitSet[] cut) {
    List<BitSet[]> out = new ArrayList<>();
    for (BitSet[] b : from) {
      if (!intersects(b, cut)) {
        out.add(b);
        continue;
      }
      BitSet[] prefix = b.clone();
      for (int c = 0; c < n; c++) {
        BitSet diff = (BitSet) b[c].clone();
        diff.andNot(cut[c]);
        if (!diff.isEmpty()) {
          BitSet[] piece = prefix.clone();
          piece[c] = diff;
          out.add(piece);
        }
        BitSet inter = (BitSet) b[c].clone();
        inter.and(cut[c]);
        prefix[c] = inter;
      }
      if (out.size() > maxBoxes) {
        return null;
      }
    }
    return out;
  }

  /** Merges boxes that differ in one column only, for readable gap reports. */
  private List<BitSet[]> merge(List<BitSet[]> boxList) {
    List<BitSet[]> list = new ArrayList<>(boxList);
    if (list.size() > 2_000) {
      return list;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      outer:
      for (int i = 0; i < list.size(); i++) {
        for (int j = i + 1; j < list.size(); j++) {
          int diff = differingColumn(list.get(i), list.get(j));
          if (diff >= 0) {
            BitSet[] m = list.get(i).clone();
            m[diff] = (BitSet) m[diff].clone();
            m[diff].or(list.get(j)[diff]);
            list.set(i, m);
            list.remove(j);
            changed = true;
            break outer;
          }
        }
      }
    }
    return list;
  }

  /** The single column in which two boxes differ, or -1 if none or several. */
  private int differingColumn(BitSet[] a, BitSet[] b) {
    int diff = -1;
    for (int c = 0; c < n; c++) {
      if (!a[c].equals(b[c])) {
        if (diff >= 0) {
          return -1;
        }
        diff = c;
      }
    }
    return diff;
  }

  // ---- rendering ----

  private DecisionInput witness(BitSet[] box) {
    DecisionInput.Builder w = DecisionInput.builder();
    for (int c = 0; c < n; c++) {
      ColumnIndex col = cols[c];
      int cell = box[c].nextSetBit(0);
      if (cell == col.nullCell()) {
        int other = box[c].nextSetBit(cell + 1);
        cell = other >= 0 ? other : cell;
      }
      w.put(col.clause().name(), col.representative(cell));
    }
    return w.build();
  }

  private String describe(BitSet[] box, BitSet[] full) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < n; c++) {
      if (box[c].equals(full[c])) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(cols[c].clause().name()).append(": ").append(describeCells(cols[c], box[c]));
    }
    return sb.length() == 0 ? "any input" : sb.toString();
  }

  private static String describeCells(ColumnIndex col, BitSet cells) {
    StringBuilder sb = new StringBuilder();
    int cell = cells.nextSetBit(0);
    while (cell >= 0) {
      int end = cell;
      if (!col.isCoded()) {
        while (end + 1 < col.nullCell() && cells.get(end + 1)) {
          end++;
        }
      }
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(end == cell ? col.describe(cell) : describeRun(col, cell, end));
      cell = cells.nextSetBit(end + 1);
    }
    return sb.toString();
  }

  /** An ordered run of cells {@code a..b} as a FEEL interval or comparison. */
  private static String describeRun(ColumnIndex col, int a, int b) {
    int last = col.nullCell() - 1;
    boolean noLow = a == 0;
    boolean noHigh = b == last;
    String low = noLow ? "" : Values.toFeel(col.lowerBound(a));
    String high = noHigh ? "" : Values.toFeel(col.upperBound(b));
    boolean lowClosed = (a & 1) == 1;
    boolean highClosed = (b & 1) == 1;
    if (noLow && noHigh) {
      return "any value";
    } else if (noLow) {
      return (highClosed ? "<= " : "< ") + high;
    } else if (noHigh) {
      return (lowClosed ? ">= " : "> ") + low;
    }
    return (lowClosed ? "[" : "(") + low + ".." + high + (highClosed ? "]" : ")");
  }

  private static String rule(Rule r) {
    return "rule " + r.number() + " (" + r.id() + ")";
  }

  private static String rules(List<Rule> rs) {
    StringBuilder sb = new StringBuilder("rules ");
    for (int i = 0; i < rs.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(rs.get(i).number()).append(" (").append(rs.get(i).id()).append(')');
    }
    return sb.toString();
  }

  private void add(
      Kind kind,
      Severity severity,
      String message,
      List<Rule> rules,
      Optional<DecisionInput> witness) {
    List<TableFinding> list = found.computeIfAbsent(kind, k -> new ArrayList<>());
    if (list.size() >= maxFindings) {
      omitted.merge(kind, 1, Integer::sum);
      return;
    }
    list.add(finding(kind, severity, message, rules, witness));
  }

  private TableFinding finding(
      Kind kind,
      Severity severity,
      String message,
      List<Rule> rules,
      Optional<DecisionInput> witness) {
    return new TableFinding(
        kind,
        severity,
        "decision " + Problems.quote(table.name()) + ": " + message,
        rules,
        witness);
  }
}
