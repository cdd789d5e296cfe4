package de.foerderregister.problem;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Turns a JSON body into a command record. Serde's own failures name Java types but not the JSON
 * property, so when a body does not bind, each property is tried against its declared type and
 * every offending one is named, with what it should look like, in one 400 answer.
 */
@Singleton
public class JsonBodies {

    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(JsonNode body, Class<T> type) {
        if (!body.isObject()) {
            throw new BadRequest("body", RuleCode.JSON_OBJECT);
        }
        try {
            return json.readValueFromTree(body, type);
        } catch (IOException | RuntimeException e) {
            List<FieldError> errors = new ArrayList<>();
            diagnose(body, Argument.of(type), "", errors);
            throw new BadRequest(errors.isEmpty() ? List.of(new FieldError("body", RuleCode.JSON_STRUCTURE)) : errors);
        }
    }

    private void diagnose(JsonNode node, Argument<?> type, String path, List<FieldError> errors) {
        Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(type.getType());
        if (introspection.isPresent()) {
            if (!node.isObject()) {
                errors.add(new FieldError(path, RuleCode.JSON_OBJECT));
                return;
            }
            for (BeanProperty<?, ?> property : introspection.get().getBeanProperties()) {
                JsonNode value = node.get(property.getName());
                if (value != null && !value.isNull()) {
                    diagnose(value, property.asArgument(), path.isEmpty() ? property.getName() : path + "." + property.getName(), errors);
                }
            }
        } else if (Collection.class.isAssignableFrom(type.getType())) {
            if (!node.isArray()) {
                errors.add(new FieldError(path, RuleCode.JSON_ARRAY));
                return;
            }
            Argument<?> element = type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
            for (int i = 0; i < node.size(); i++) {
                diagnose(node.get(i), element, path + "[" + i + "]", errors);
            }
        } else {
            try {
                json.readValueFromTree(node, type);
            } catch (IOException | RuntimeException e) {
                errors.add(UnreadableInputHandlers.expectation(path, type));
            }
        }
    }
}
