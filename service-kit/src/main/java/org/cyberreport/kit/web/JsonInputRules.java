package org.cyberreport.kit.web;

import java.time.Instant;

import org.cyberreport.kit.problem.RefusedValueException;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link TextRules} to every string and {@link TimeWindow} to every instant of every JSON body,
 * by wrapping Jackson's own deserializers: a refused value fails the read with a 400 naming the field,
 * before any handler or database sees it.
 */
final class JsonInputRules {

    private JsonInputRules() {
    }

    static SimpleModule module() {
        return new SimpleModule("cyberreport-input-rules").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == String.class || type == Instant.class ? new Checked(deserializer) : deserializer;
            }
        });
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            return check(parser, super.deserialize(parser, context));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object into) {
            return check(parser, super.deserialize(parser, context, into));
        }

        private static Object check(JsonParser parser, Object value) {
            if (value instanceof String text) {
                String problem = TextRules.freeTextProblem(text);
                if (problem != null) {
                    throw new RefusedValueException(parser, problem, String.class);
                }
                return TextRules.nfc(text);
            }
            if (value instanceof Instant moment && !TimeWindow.contains(moment)) {
                throw new RefusedValueException(parser, TimeWindow.MESSAGE, Instant.class);
            }
            return value;
        }
    }
}
