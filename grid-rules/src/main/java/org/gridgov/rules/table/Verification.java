package org.gridgov.rules.table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.Severity;
import org.gridgov.core.io.Problems;
import org.gridgov.rules.table.TableFinding.Kind;

/**
 * One run of the table verifier: rules as boxes of column cells (see {@link ColumnIndex}). A box is
 * one {@link BitSet} of cells per input column; it is empty when any column is.
 *
 * <p>Index-driven: for every column and cell, the bitset of the rules whose box contains the cell.
 * The rules a box can overlap are the AND over its columns of the OR of its cells' rule sets; the
 * rules that contain it, the AND over its columns of the AND of its cells' rule sets. Overlaps and
 * subsumption visit only those candidate pairs. Gaps and masking are a coverage search (see {@link
 * Search}) that splits a box only while some candidate rule meets it without covering it: a box no
 * candidate meets is a gap and is reported whole, a box one rule covers is done, and only split
 * boxes count against the box limit. A search that reaches the limit is an {@link
 * Kind#INCONCLUSIVE} finding, never silence. Messages are built only for the findings that are
 * listed. Not thread-safe; one instance per verification.
 */
final class Verification {
  private final DecisionTable table;
  private final int maxFindings;
  private final int maxBoxes;
  private final int n;
  private final ColumnIndex[] cols;
  private final BitSet[] domain;
  private final BitSet[] gapDomain;
  private final BitSet[][] boxes;
  private final BitSet live = new BitSet();
  private BitSet[][] cellRules;
  private BitSet[] fullRules;
  private BitSet[] anyRules;
  private final Map<Kind, List<TableFinding>> found = new EnumMap<>(Kind.class);
  private final Map<Kind, Integer> omitted = new EnumMap<>(Kind.class);

  /**
   * Prepares the verification of a table.
   *
   * @param table the table
   * @param maxFindings the findings listed per kind
   * @param maxBoxes the box limit of the subtraction searches
   */
  Verification(DecisionTable table, int maxFindings, int maxBoxes) {
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
        UnaryTests entry = r.inputEntries().get(c);
        BitSet d = domain[c];
        if (entry.isAny()) {
          box[c] = d; // shared, never modified
          continue;
        }
        BitSet b = new BitSet();
        for (int cell = d.nextSetBit(0); cell >= 0; cell = d.nextSetBit(cell + 1)) {
          if (cols[c].matches(entry, cell)) {
            b.set(cell);
          }
        }
        box[c] = b;
      }
      boxes[r.index()] = box;
    }
  }

  /** Builds the per-column cell index of the live rules. */
  private void index() {
    int count = boxes.length;
    cellRules = new BitSet[n][];
    fullRules = new BitSet[n];
    anyRules = new BitSet[n];
    for (int c = 0; c < n; c++) {
      BitSet[] byCell = new BitSet[cols[c].cellCount()];
      for (int cell = 0; cell < byCell.length; cell++) {
        byCell[cell] = new BitSet(count);
      }
      BitSet full = new BitSet(count);
      for (int r = live.nextSetBit(0); r >= 0; r = live.nextSetBit(r + 1)) {
        BitSet b = boxes[r][c];
        for (int cell = b.nextSetBit(0); cell >= 0; cell = b.nextSetBit(cell + 1)) {
          byCell[cell].set(r);
        }
        if (b.equals(domain[c])) {
          full.set(r);
        }
      }
      cellRules[c] = byCell;
      fullRules[c] = full;
      anyRules[c] = live;
    }
  }

  /** The live rules whose box meets these cells of column c. */
  private BitSet meeting(int c, BitSet cells) {
    if (cells.equals(domain[c])) {
      return anyRules[c];
    }
    BitSet out = new BitSet(boxes.length);
    for (int cell = cells.nextSetBit(0); cell >= 0; cell = cells.nextSetBit(cell + 1)) {
      out.or(cellRules[c][cell]);
    }
    return out;
  }

  /** The live rules whose box contains all these cells of column c (cells not empty). */
  private BitSet containing(int c, BitSet cells) {
    if (cells.equals(domain[c])) {
      return fullRules[c];
    }
    BitSet out = null;
    for (int cell = cells.nextSetBit(0); cell >= 0; cell = cells.nextSetBit(cell + 1)) {
      if (out == null) {
        out = (BitSet) cellRules[c][cell].clone();
      } else {
        out.and(cellRules[c][cell]);
      }
      if (out.isEmpty()) {
        break;
      }
    }
    return out == null ? new BitSet() : out;
  }

  /** The live rules among {@code allowed} whose box meets this box. */
  private BitSet meeting(BitSet[] box, BitSet allowed) {
    BitSet out = (BitSet) allowed.clone();
    for (int c = 0; c < n && !out.isEmpty(); c++) {
      out.and(meeting(c, box[c]));
    }
    return out;
  }

  /** The live rules whose box contains this box. */
  private BitSet containing(BitSet[] box) {
    BitSet out = (BitSet) live.clone();
    for (int c = 0; c < n && !out.isEmpty(); c++) {
      out.and(containing(c, box[c]));
    }
    return out;
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
      if (!dead[r.index()]) {
        live.set(r.index());
      }
    }
    index();
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
        if (room(Kind.UNSATISFIABLE)) {
          InputClause in = table.inputs().get(c);
          add(
              Kind.UNSATISFIABLE,
              Severity.WARNING,
              rule(r)
                  + " never matches: its entry for "
                  + Problems.quote(in.name())
                  + " ("
                  + entryText(r.inputEntries().get(c).toString())
                  + ") matches no allowed value",
              List.of(r),
              Optional.empty());
        }
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
    for (int i = live.nextSetBit(0); i >= 0; i = live.nextSetBit(i + 1)) {
      BitSet others = meeting(boxes[i], live);
      for (int j = others.nextSetBit(i + 1); j >= 0; j = others.nextSetBit(j + 1)) {
        Rule a = rules.get(i);
        Rule b = rules.get(j);
        if (p == HitPolicy.ANY && sameOutputs(a, b)) {
          continue;
        }
        if (!room(Kind.OVERLAP)) {
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
      if (restrictsGaps(cols[c]) && room(Kind.ASSUMPTION)) {
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
            "gaps assume input "
                + Problems.quote(cols[c].clause().name())
                + " takes one of the values the rules mention ("
                + sb
                + "); declare its allowed values to make the gap analysis exact",
            List.of(),
            Optional.empty());
      }
    }
    if (isEmpty(gapDomain)) {
      return;
    }
    Search search = new Search(live, false);
    Outcome outcome = search.run(gapDomain);
    if (outcome == Outcome.GAVE_UP) {
      add(
          Kind.INCONCLUSIVE,
          Severity.WARNING,
          "gap analysis inconclusive: gave up after splitting "
              + search.expanded
              + " boxes (the limit is "
              + maxBoxes
              + ") with "
              + search.progress()
              + " of the input cells decided and "
              + search.gaps.size()
              + " uncovered region"
              + (search.gaps.size() == 1 ? "" : "s")
              + " found so far (listed as GAP); other inputs may match no rule",
          List.of(),
          Optional.empty());
    }
    Severity sev = table.hitPolicy().isSingleHit() ? Severity.WARNING : Severity.INFO;
    for (BitSet[] gap : merge(search.gaps)) {
      if (!room(Kind.GAP)) {
        continue;
      }
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
    int[] byRank = new int[rank.length];
    for (int i = 0; i < rank.length; i++) {
      byRank[rank[i]] = i;
    }
    for (int j = live.nextSetBit(0); j >= 0; j = live.nextSetBit(j + 1)) {
      BitSet better = new BitSet(rules.size());
      if (p == HitPolicy.FIRST) {
        better.set(0, j);
      } else {
        for (int k = 0; k < rank[j]; k++) {
          better.set(byRank[k]);
        }
      }
      better.and(live);
      BitSet candidates = meeting(boxes[j], better);
      if (candidates.isEmpty()) {
        continue;
      }
      Search search = new Search(candidates, true);
      Outcome outcome = search.run(boxes[j]);
      if (outcome == Outcome.GAVE_UP) {
        if (room(Kind.INCONCLUSIVE)) {
          add(
              Kind.INCONCLUSIVE,
              Severity.WARNING,
              "masking analysis of "
                  + rule(rules.get(j))
                  + " inconclusive: gave up after splitting "
                  + search.expanded
                  + " boxes (the limit is "
                  + maxBoxes
                  + ") with "
                  + search.progress()
                  + " of its input cells decided; it may never fire",
              List.of(rules.get(j)),
              Optional.empty());
        }
        continue;
      }
      if (outcome != Outcome.COVERED) {
        continue;
      }
      masked[j] = true;
      if (!room(Kind.MASKED)) {
        continue;
      }
      List<Rule> by = new ArrayList<>();
      for (int i : shortestCoveringPrefix(j, candidates)) {
        by.add(rules.get(i));
      }
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
    return masked;
  }

  /**
   * The shortest prefix, in rule order, of the candidates that covers rule j's box (the rules a
   * reader needs to see): binary search over the prefix length, coverage being monotone in it.
   */
  private int[] shortestCoveringPrefix(int j, BitSet candidates) {
    int[] all = candidates.stream().toArray();
    int lo = 1;
    int hi = all.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      BitSet prefix = new BitSet(boxes.length);
      for (int k = 0; k < mid; k++) {
        prefix.set(all[k]);
      }
      if (new Search(prefix, true).run(boxes[j]) == Outcome.COVERED) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return Arrays.copyOf(all, lo);
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
    for (int j = live.nextSetBit(0); j >= 0; j = live.nextSetBit(j + 1)) {
      if (masked[j]) {
        continue;
      }
      BitSet holders = containing(boxes[j]);
      for (int i = holders.nextSetBit(0); i >= 0; i = holders.nextSetBit(i + 1)) {
        if (i == j || !sameOutputs(rules.get(i), rules.get(j))) {
          continue;
        }
        if (i > j && subset(boxes[i], boxes[j])) {
          continue; // identical boxes: report only the later rule as the redundant one
        }
        if (room(Kind.SUBSUMED)) {
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
        }
        break;
      }
    }
  }

  /** How a coverage search ended. */
  private enum Outcome {
    /** The candidate rules cover the whole box. */
    COVERED,
    /** Some part of the box is covered by no candidate (the parts found are the gaps). */
    UNCOVERED,
    /** The search split as many boxes as allowed before deciding. */
    GAVE_UP
  }

  /** A box still to decide, with the candidate rules that meet it. */
  private record Node(BitSet[] box, BitSet candidates) {}

  /**
   * Whether a set of rules covers a box, and if not, the uncovered parts as disjoint boxes. Depth
   * first: a box that no candidate meets is uncovered and kept whole; a box some candidate contains
   * is covered; otherwise it is split in one column along the boundary of the candidate that covers
   * it in the most columns (its cells inside and outside that rule's cells), and each part keeps
   * only the candidates that meet it. Only split boxes count against the limit.
   */
  private final class Search {
    private static final int SPLIT_CANDIDATES = 32;
    private final BitSet allowed;
    private final boolean firstGapOnly;
    final List<BitSet[]> gaps = new ArrayList<>();
    int expanded;
    private double decided;
    private double total;

    Search(BitSet allowed, boolean firstGapOnly) {
      this.allowed = allowed;
      this.firstGapOnly = firstGapOnly;
    }

    Outcome run(BitSet[] root) {
      total = volume(root);
      Deque<Node> stack = new ArrayDeque<>();
      stack.push(new Node(root, meeting(root, allowed)));
      while (!stack.isEmpty()) {
        Node node = stack.pop();
        BitSet[] box = node.box();
        BitSet cand = node.candidates();
        if (cand.isEmpty()) {
          gaps.add(box);
          decided += volume(box);
          if (firstGapOnly) {
            return Outcome.UNCOVERED;
          }
          continue;
        }
        BitSet[] holding = new BitSet[n];
        BitSet cover = (BitSet) cand.clone();
        for (int c = 0; c < n; c++) {
          holding[c] = containing(c, box[c]);
          cover.and(holding[c]);
        }
        if (!cover.isEmpty()) {
          decided += volume(box);
          continue;
        }
        if (expanded >= maxBoxes) {
          return Outcome.GAVE_UP;
        }
        expanded++;
        int[] split = bestSplit(box, cand, holding);
        int col = split[0];
        BitSet inside = new BitSet();
        BitSet outside = (BitSet) box[col].clone();
        for (int cell = box[col].nextSetBit(0), k = 0; k <= split[1]; k++) {
          inside.set(cell);
          outside.clear(cell);
          cell = box[col].nextSetBit(cell + 1);
        }
        Node a = child(node, col, inside);
        Node b = child(node, col, outside);
        // the part fewer rules meet first: it is where an uncovered input shows up soonest
        boolean aFirst = a.candidates().cardinality() <= b.candidates().cardinality();
        stack.push(aFirst ? b : a);
        stack.push(aFirst ? a : b);
      }
      return gaps.isEmpty() ? Outcome.COVERED : Outcome.UNCOVERED;
    }

    /**
     * The column and position (split after the k-th cell of the box's cells in that column) that
     * the fewest candidates straddle, ties broken by the more even split: the boundaries of a
     * disjoint table are found first, so its rules separate without being cut.
     */
    private int[] bestSplit(BitSet[] box, BitSet cand, BitSet[] holding) {
      int bestCol = -1;
      int bestAt = -1;
      long bestScore = Long.MAX_VALUE;
      int count = cand.cardinality();
      for (int c = 0; c < n; c++) {
        BitSet cells = box[c];
        int k = cells.cardinality();
        if (k < 2) {
          continue;
        }
        BitSet cut = (BitSet) cand.clone();
        cut.andNot(holding[c]);
        if (cut.isEmpty()) {
          continue; // every candidate spans the column: no boundary separates anything
        }
        int spanning = count - cut.cardinality();
        int[] pos = new int[cols[c].cellCount()];
        int p = 0;
        for (int cell = cells.nextSetBit(0); cell >= 0; cell = cells.nextSetBit(cell + 1)) {
          pos[cell] = p++;
        }
        int[] starts = new int[k];
        int[] ends = new int[k];
        starts[0] += spanning;
        ends[k - 1] += spanning;
        for (int r = cut.nextSetBit(0); r >= 0; r = cut.nextSetBit(r + 1)) {
          BitSet rc = (BitSet) boxes[r][c].clone();
          rc.and(cells);
          starts[pos[rc.nextSetBit(0)]]++;
          ends[pos[rc.length() - 1]]++;
        }
        int left = 0; // candidates starting at or before the boundary
        int done = 0; // candidates ending at or before the boundary
        for (int at = 0; at < k - 1; at++) {
          left += starts[at];
          done += ends[at];
          int straddle = left - done;
          int right = count - done;
          long score = (long) straddle * (count + 1) * 2 + Math.max(left, right);
          if (score < bestScore) {
            bestScore = score;
            bestCol = c;
            bestAt = at;
          }
        }
      }
      return new int[] {bestCol, bestAt};
    }

    private Node child(Node parent, int col, BitSet cells) {
      BitSet[] box = parent.box().clone();
      box[col] = cells;
      BitSet cand = (BitSet) parent.candidates().clone();
      cand.and(meeting(col, cells));
      return new Node(box, cand);
    }

    /** The share of the searched cells decided so far, as a percentage. */
    String progress() {
      return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * decided / total);
    }

    private double volume(BitSet[] box) {
      double v = 1;
      for (BitSet b : box) {
        v *= b.cardinality();
      }
      return v;
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
   * Merges boxes that differ in one column only, for readable gap reports: per column, boxes equal
   * in every other column are joined (hashing the other columns), until nothing changes.
   */
  private List<BitSet[]> merge(List<BitSet[]> boxList) {
    List<BitSet[]> list = new ArrayList<>(boxList);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int c = 0; c < n; c++) {
        Map<List<BitSet>, Integer> byRest = new java.util.HashMap<>();
        List<BitSet[]> out = new ArrayList<>(list.size());
        for (BitSet[] box : list) {
          List<BitSet> rest = new ArrayList<>(Arrays.asList(box));
          rest.set(c, null);
          Integer at = byRest.get(rest);
          if (at == null) {
            byRest.put(rest, out.size());
            out.add(box);
          } else {
            BitSet[] m = out.get(at).clone();
            m[c] = (BitSet) m[c].clone();
            m[c].or(box[c]);
            out.set(at, m);
            changed = true;
          }
        }
        list = out;
      }
    }
    return list;
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

  /** Whether another finding of this kind is listed; if not, counts it as omitted. */
  private boolean room(Kind kind) {
    if (found.getOrDefault(kind, List.of()).size() < maxFindings) {
      return true;
    }
    omitted.merge(kind, 1, Integer::sum);
    return false;
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

  /** An entry as written, cut like quoted input (a rule may list 100,000 values). */
  private static String entryText(String entry) {
    if (entry.length() <= 200) {
      return entry;
    }
    String q = Problems.quote(entry);
    return q.substring(1, q.lastIndexOf('\'')) + q.substring(q.lastIndexOf('\'') + 1);
  }
}
