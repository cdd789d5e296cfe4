package de.foerderregister.problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.jackson.core.tree.JsonNodeTreeCodec;
import io.micronaut.json.JsonStreamConfig;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON request bodies into a tree whose numbers with a fraction or exponent are
 * {@link java.math.BigDecimal}s taken from the text. Micronaut Serde's own tree reader makes them
 * binary floating-point numbers, which turns {@code 100.000000000000000001} into 100.0 before any rule sees it;
 * amounts must reach {@link JsonBodies} exactly as the client wrote them.
 */
@Singleton
@Consumes(MediaType.APPLICATION_JSON)
public class ExactJsonTrees implements MessageBodyReader<JsonNode> {

    private static final JsonNodeTreeCodec TREES = JsonNodeTreeCodec.getInstance()
            .withConfig(JsonStreamConfig.DEFAULT.withUseBigDecimalForFloats(true));

    private final JsonFactory factory = new JsonFactory();

    @Override
    public JsonNode read(Argument<JsonNode> type, MediaType mediaType, Headers httpHeaders, InputStream body)
            throws CodecException {
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() == null) {
                // only white space: no value to read, which the tree reader would not survive
                throw new JsonSyntaxException("the body holds no JSON value");
            }
            JsonNode tree = TREES.readTree(parser);
            if (parser.nextToken() != null) {
                throw new JsonSyntaxException("content after the JSON value");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw unreadable(new JsonSyntaxException(e));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The same exception Micronaut's own JSON reader throws, so unreadable bodies are answered as before. */
    private static CodecException unreadable(IOException e) {
        return new CodecException("Error decoding JSON stream for type [body]: " + e.getMessage(), e);
    }
}
