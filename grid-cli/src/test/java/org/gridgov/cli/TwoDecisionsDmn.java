package org.gridgov.cli;

/** A DMN 1.3 file with two decision tables, for the command-line tests. */
final class TwoDecisionsDmn {
  static final String XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                   id="defs" name="two" namespace="http://gridgov.org/test">
        <decision id="tier" name="Tier">
          <decisionTable id="tierTable" hitPolicy="UNIQUE">
            <input id="in1" label="severity">
              <inputExpression id="ie1" typeRef="number"><text>severity</text></inputExpression>
            </input>
            <output id="out1" name="tier" typeRef="string"/>
            <rule id="r1">
              <inputEntry id="r1i"><text>&gt;= 4</text></inputEntry>
              <outputEntry id="r1o"><text>"district"</text></outputEntry>
            </rule>
            <rule id="r2">
              <inputEntry id="r2i"><text>&lt; 4</text></inputEntry>
              <outputEntry id="r2o"><text>"street"</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
        <decision id="urgent" name="Urgent">
          <decisionTable id="urgentTable" hitPolicy="FIRST">
            <input id="in2" label="severity">
              <inputExpression id="ie2" typeRef="number"><text>severity</text></inputExpression>
            </input>
            <output id="out2" name="urgent" typeRef="boolean"/>
            <rule id="u1">
              <inputEntry id="u1i"><text>&gt; 3</text></inputEntry>
              <outputEntry id="u1o"><text>true</text></outputEntry>
            </rule>
            <rule id="u2">
              <inputEntry id="u2i"><text>-</text></inputEntry>
              <outputEntry id="u2o"><text>false</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  private TwoDecisionsDmn() {}
}
