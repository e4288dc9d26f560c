package org.gridgov.scoring;

import java.util.Optional;
import org.gridgov.scoring.ScoringScheme.CensoringRule;
import org.gridgov.scoring.ScoringScheme.RatingWeights;
import org.gridgov.scoring.internal.EnumKeys;

/**
 * An assessment indicator (考核指标): a formula over the {@link Count}s of one unit and period.
 *
 * <p>Symbols used below (all per unit and period; see {@link Count}): <i>T</i> taken on, <i>R</i>
 * responded on time, <i>C</i> closed, <i>C<sub>t</sub></i> closed on time, <i>H<sub>t</sub></i>
 * handled on time, <i>O</i> overdue and still open, <i>S<sub>o</sub></i> suspended and past the
 * original limit, <i>W</i> reworked, <i>V</i> valid follow-ups, <i>s, b, d</i> ratings satisfied,
 * basically satisfied, dissatisfied with weights <i>w<sub>s</sub>, w<sub>b</sub>, w<sub>d</sub></i>
 * ({@link RatingWeights}, default 1, 0.9, 0).
 *
 * <p>The due-for-closure count (应结案数) is <i>D = C + O + κ·S<sub>o</sub></i> where κ is 1 when the
 * scheme's {@link CensoringRule} counts suspended cases once their original limit has passed and 0
 * when it excludes them (the default, as Jinhua subtracts suspended cases, docs/domain.md §7).
 * Using <i>D</i> instead of <i>C</i> as denominator keeps open overdue cases from hiding
 * (docs/domain.md §7).
 *
 * <p>A {@link Type#RATE} lies in [0, 1] and is not applicable when its denominator is zero (missing
 * data is not zero). A {@link Type#COUNT} is a non-negative integer; it is not applicable only for
 * a unit that has no case and no extra count at all in the period. Indicators marked <i>extra</i>
 * need {@link ExtraCounts}, because the case record does not carry their inputs.
 */
public enum Indicator {
  /** 响应率 = R / T: cases accepted within the response limit over cases taken on. */
  RESPONSE_RATE(Type.RATE, "响应率", "R / T", false),
  /** 结案率 = C / D (GB/T 30428.4 lineage). */
  CLOSING_RATE(Type.RATE, "结案率", "C / D", false),
  /** 按期处置率 = H_t / D: closed cases whose handling met the limit, over due for closure. */
  ON_TIME_HANDLING_RATE(Type.RATE, "按期处置率", "H_t / D", false),
  /** 按期结案率 = C_t / D: cases closed within the limit, over due for closure. */
  ON_TIME_CLOSING_RATE(Type.RATE, "按期结案率", "C_t / D", false),
  /** 返工率 = (W + κ·W_s) / D: due cases sent back at verification at least once. */
  REWORK_RATE(Type.RATE, "返工率", "(W + κ·W_s) / D", false),
  /** 超期未办结率 = (O + κ·S_o) / D (Chengdu Jinniu). */
  OVERDUE_PENDING_RATE(Type.RATE, "超期未办结率", "(O + κ·S_o) / D", false),
  /** 缓办率 = deferred / T: cases suspended or deferred at least once (Chengdu Jinniu). */
  DEFERRAL_RATE(Type.RATE, "缓办率", "deferred / T", false),
  /** 群众满意度 = (w_s·s + w_b·b + w_d·d) / V, over valid follow-up visits only. */
  SATISFACTION(Type.RATE, "群众满意度", "(w_s·s + w_b·b + w_d·d) / V", false),
  /** 反向考核 = Σ grade / (100 · graded): mean grade (0–100) streets gave when they whistled, / 100. */
  REVERSE_EVALUATION(Type.RATE, "反向考核", "Σ grade / (100 · graded)", false),
  /** 12345 响应率 = contacted / V (Beijing three rates). */
  HOTLINE_RESPONSE_RATE(Type.RATE, "12345响应率", "contacted / V", false),
  /** 12345 解决率 = resolved / V (Beijing three rates). */
  HOTLINE_RESOLUTION_RATE(Type.RATE, "12345解决率", "resolved / V", false),
  /** 有效上报率 = valid reports / reports (inspector, CJ/T 292 lineage). */
  VALID_REPORT_RATE(Type.RATE, "有效上报率", "valid / reported", false),
  /** 漏报率 = missed / (reported + missed) (inspector); extra. */
  MISSED_REPORT_RATE(Type.RATE, "漏报率", "missed / (reported + missed)", true),
  /** 按时核实率 = verified on time / verification tasks (inspector); extra. */
  ON_TIME_VERIFICATION_RATE(Type.RATE, "按时核实率", "verified on time / tasks", true),
  /** 按时核查率 = checked on time / checked (inspector). */
  ON_TIME_CHECK_RATE(Type.RATE, "按时核查率", "checked on time / checked", false),
  /** 核实派遣及时率 = verify requests on time / verify requests (intake clerk); extra. */
  VERIFY_REQUEST_ON_TIME_RATE(Type.RATE, "核实派遣及时率", "on time / verify requests", true),
  /** 核查派遣及时率 = check requests on time / check requests (intake clerk); extra. */
  CHECK_REQUEST_ON_TIME_RATE(Type.RATE, "核查派遣及时率", "on time / check requests", true),
  /** 按时立案率 = filed on time / filed (shift lead). */
  ON_TIME_FILING_RATE(Type.RATE, "按时立案率", "filed on time / filed", false),
  /** 立案准确率 = (filed − inaccurate) / filed (shift lead); extra, clamped to [0, 1]. */
  ACCURATE_FILING_RATE(Type.RATE, "立案准确率", "(filed − inaccurate) / filed", true),
  /** 按时结案率（值班长） = closures on time / closures: CLOSE within the closing limit of VERIFY. */
  ON_TIME_CLOSURE_RATE(Type.RATE, "按时结案率（值班长）", "closures on time / closures", false),
  /** 按时派遣率 = dispatched on time / dispatched (dispatcher). */
  ON_TIME_DISPATCH_RATE(Type.RATE, "按时派遣率", "dispatched on time / dispatched", false),
  /** 派遣准确率 = dispatched accurately / dispatched (dispatcher). */
  ACCURATE_DISPATCH_RATE(Type.RATE, "派遣准确率", "accurate / dispatched", false),
  /** 公众举报率 = public reports / reports (region). */
  PUBLIC_REPORT_RATE(Type.RATE, "公众举报率", "public / reported", false),
  /** 承办量 = T, cases taken on. */
  TAKEN_ON(Type.COUNT, "承办量", "T", false),
  /** 结案数 = C, cases closed. */
  CLOSED_COUNT(Type.COUNT, "结案数", "C", false),
  /** 应结案数 = D = C + O + κ·S_o, cases due for closure. */
  DUE_FOR_CLOSURE(Type.COUNT, "应结案数", "C + O + κ·S_o", false),
  /** 上报数 = reports. */
  REPORTED_COUNT(Type.COUNT, "上报数", "reported", false),
  /** 立案数 = cases filed (the cases-filed score of departments and regions). */
  FILED_COUNT(Type.COUNT, "立案数", "filed", false),
  /** 派遣数 = cases dispatched. */
  DISPATCH_COUNT(Type.COUNT, "派遣数", "dispatched", false),
  /** 受理数 = intakes (intake clerk); extra. */
  INTAKE_COUNT(Type.COUNT, "受理数", "intakes", true),
  /** 超期件数 = (C − H_t) + O + κ·S_o: cases past their time limit, closed late or still open. */
  OVERDUE_COUNT(Type.COUNT, "超期件数", "(C − H_t) + O + κ·S_o", false),
  /** 重复返工次数 = Σ max(0, sends back − 1) over cases. */
  REPEATED_REWORK_COUNT(Type.COUNT, "重复返工次数", "Σ max(0, reworks − 1)", false),
  /** 吹哨报到数 = cases the unit was whistled for. */
  WHISTLED_COUNT(Type.COUNT, "吹哨报到数", "whistled", false),
  /**
   * 三色要素走访率 = coloured elements in control / coloured elements: the share whose visit under its
   * control plan is not overdue (grid-risk's compliance report); extra.
   */
  RISK_VISIT_COMPLIANCE(Type.RATE, "三色要素走访率", "in control / coloured elements", true),
  /** 红色要素走访率 = red elements in control / red elements; extra. */
  RED_VISIT_COMPLIANCE(Type.RATE, "红色要素走访率", "red in control / red elements", true),
  /** 橙色要素走访率 = orange elements in control / orange elements (four-colour schemes); extra. */
  ORANGE_VISIT_COMPLIANCE(Type.RATE, "橙色要素走访率", "orange in control / orange elements", true),
  /** 黄色要素走访率 = yellow elements in control / yellow elements; extra. */
  YELLOW_VISIT_COMPLIANCE(Type.RATE, "黄色要素走访率", "yellow in control / yellow elements", true),
  /** 蓝色要素走访率 = blue elements in control / blue elements; extra. */
  BLUE_VISIT_COMPLIANCE(Type.RATE, "蓝色要素走访率", "blue in control / blue elements", true),
  /** 未按时反馈发现数 = visit findings without feedback within the plan's deadline; extra. */
  UNANSWERED_FINDINGS_COUNT(Type.COUNT, "未按时反馈发现数", "unanswered findings", true);

  /** Whether an indicator is a rate or a count. */
  public enum Type {
    /** A ratio in [0, 1]; not applicable when the denominator is zero. */
    RATE,
    /** A non-negative whole number. */
    COUNT
  }

  private final Type type;
  private final String chinese;
  private final String formula;
  private final boolean needsExtraCounts;

  Indicator(Type type, String chinese, String formula, boolean needsExtraCounts) {
    this.type = type;
    this.chinese = chinese;
    this.formula = formula;
    this.needsExtraCounts = needsExtraCounts;
  }

  /** Rate or count. */
  public Type type() {
    return type;
  }

  /** The Chinese term used in the sources. */
  public String chinese() {
    return chinese;
  }

  /** The formula in the symbols of the class documentation, for explanations and docs. */
  public String formula() {
    return formula;
  }

  /** Whether the inputs are not in the case record and come from {@link ExtraCounts}. */
  public boolean needsExtraCounts() {
    return needsExtraCounts;
  }

  /** The key used in scheme JSON, e.g. {@code on_time_handling_rate}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Looks up an indicator by its {@link #key()}.
   *
   * @param key the key, e.g. {@code response_rate}
   * @return the indicator, or empty when no indicator has that key
   */
  public static Optional<Indicator> byKey(String key) {
    return EnumKeys.find(values(), Indicator::key, key);
  }
}
