package fr.academie.common.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * A body that names a field twice is refused (400, the field named by {@link ProblemMapper}) rather than read as its
 * last value: which of two values a person meant is not ours to guess. So is a number or a boolean where a text is
 * expected ({@code "name": 12}): a client that sends one has mistaken the field. And so is a text holding a NUL
 * character or a lone surrogate ({@link Text}), which PostgreSQL would refuse or the encoder silently change.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("portail-strict-text").addDeserializer(String.class, new StorableText()));
    }

    /** A text that {@link Text#storable} refuses, for {@link ProblemMapper} to name its field. */
    public static final class UnstorableText extends InvalidFormatException {

        UnstorableText(JsonParser parser, String value) {
            super(parser, "A NUL character or a lone surrogate", value, String.class);
        }
    }

    /** Jackson's own reading of a text, then the check; not marked as Jackson's, so collections use it too. */
    private static final class StorableText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (!Text.storable(value)) {
                throw new UnstorableText(parser, value);
            }
            return value;
        }
    }
}
