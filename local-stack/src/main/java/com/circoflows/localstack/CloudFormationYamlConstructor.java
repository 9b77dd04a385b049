package com.circoflows.localstack;

import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads CloudFormation short-form intrinsics ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, ...) as
 * their long JSON form, so the rest of the code sees one shape whichever form the template uses.
 * Plain SnakeYAML rejects these tags, and silently dropping them would lose the reference.
 */
public final class CloudFormationYamlConstructor extends SafeConstructor {

    public CloudFormationYamlConstructor(LoaderOptions options) {
        super(options);
        yamlMultiConstructors.put("!", new IntrinsicFunction());
    }

    private final class IntrinsicFunction extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            String function = node.getTag().getValue().substring(1);
            Object argument = switch (node.getNodeId()) {
                case scalar -> constructScalar((ScalarNode) node);
                case sequence -> constructSequence((SequenceNode) node);
                case mapping -> constructMapping((MappingNode) node);
                default -> throw new IllegalArgumentException(
                        "Unsupported YAML node for !" + function + node.getStartMark());
            };
            return Map.of(longName(function), shape(function, argument));
        }

        private String longName(String function) {
            // Ref and Condition have no Fn:: prefix in the long form.
            return function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
        }

        private Object shape(String function, Object argument) {
            // "!GetAtt Resource.Attribute" is the only short form whose long form is a list.
            if (function.equals("GetAtt") && argument instanceof String dotted) {
                int dot = dotted.indexOf('.');
                if (dot <= 0 || dot == dotted.length() - 1) {
                    throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got '" + dotted + "'");
                }
                return List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
            }
            return argument;
        }
    }
}
