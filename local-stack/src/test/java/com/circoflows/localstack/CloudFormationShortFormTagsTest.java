package com.circoflows.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Short-form tags in inline YAML come out in CloudFormation's long form, nested tags included. */
class CloudFormationShortFormTagsTest {

    private final Map<String, Object> properties = properties("""
            Resources:
              Thing:
                Type: Custom::Thing
                Properties:
                  Arn: !GetAtt Queue.Arn
                  NestedAttribute: !GetAtt Db.Endpoint.Address
                  ListGetAtt: !GetAtt [Queue, QueueName]
                  Conditional: !If [IsProd, !Sub '${AWS::StackName}-prod', !Ref AWS::NoValue]
                  SubWithVariables: !Sub
                    - '${Prefix}-events'
                    - Prefix: !Ref Stage
                  Joined: !Join [':', [a, !Ref Stage]]
                  Plain: 42
            """);

    @Test
    void turnsGetAttStringIntoResourceAndAttribute() {
        assertEquals(Map.of("Fn::GetAtt", List.of("Queue", "Arn")), properties.get("Arn"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Db", "Endpoint.Address")), properties.get("NestedAttribute"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Queue", "QueueName")), properties.get("ListGetAtt"));
    }

    @Test
    void keepsIfWithNestedTagsFaithfully() {
        assertEquals(Map.of("Fn::If", List.of("IsProd",
                        Map.of("Fn::Sub", "${AWS::StackName}-prod"),
                        Map.of("Ref", "AWS::NoValue"))),
                properties.get("Conditional"));
    }

    @Test
    void keepsSubListFormWithVariableMap() {
        assertEquals(Map.of("Fn::Sub", List.of("${Prefix}-events", Map.of("Prefix", Map.of("Ref", "Stage")))),
                properties.get("SubWithVariables"));
        assertEquals(Map.of("Fn::Join", List.of(":", List.of("a", Map.of("Ref", "Stage")))), properties.get("Joined"));
        assertEquals(42, properties.get("Plain"));
    }

    @Test
    void rejectsDuplicateKeys() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SamTemplate.parse("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n", "inline"));
        assertTrue(error.getMessage().contains("inline"), error.getMessage());
    }

    private Map<String, Object> properties(String yaml) {
        return TemplateNodes.map(SamTemplate.parse(yaml, "inline").resource("Thing").get("Properties"), "Properties");
    }
}
