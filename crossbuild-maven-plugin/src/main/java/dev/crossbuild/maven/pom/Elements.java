package dev.crossbuild.maven.pom;

import dev.crossbuild.core.ProjectException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists and maps as Maven fills them from the pom: an empty {@code <arg/>} arrives as null, an empty
 * {@code <env><FOO/></env>} as a null value. Both are configuration errors that name the element, never a
 * NullPointerException later (an unset property in the pom is the usual cause).
 */
public final class Elements {

    private Elements() {
    }

    public static List<String> list(List<String> values, String owner, String element) throws ProjectException {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                throw new ProjectException(owner + ": <" + element + "> entry number " + (i + 1) + " is empty; give it"
                        + " a value or remove it (an unset property in the pom leaves an element empty)");
            }
        }
        return List.copyOf(values);
    }

    public static Map<String, String> map(Map<String, String> values, String owner, String element)
            throws ProjectException {
        if (values == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getValue() == null) {
                throw new ProjectException(owner + ": <" + element + "><" + entry.getKey() + "/> is empty; give it a"
                        + " value (<" + entry.getKey() + ">…</" + entry.getKey() + ">) or remove it (an unset"
                        + " property in the pom leaves an element empty)");
            }
            copy.put(entry.getKey(), entry.getValue());
        }
        return copy;
    }
}
