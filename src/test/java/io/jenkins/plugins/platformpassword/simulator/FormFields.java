package io.jenkins.plugins.platformpassword.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The name/value pairs of an {@code application/x-www-form-urlencoded} body or a query string. */
final class FormFields {

    private final Map<String, List<String>> values;

    private FormFields(Map<String, List<String>> values) {
        this.values = values;
    }

    static FormFields none() {
        return new FormFields(Collections.emptyMap());
    }

    /**
     * @param encoded the body or query; {@code null} or empty means no fields
     * @throws IllegalArgumentException for a broken percent escape or bytes that are not UTF-8
     */
    static FormFields parse(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = PercentDecoding.decode(equals < 0 ? pair : pair.substring(0, equals), true);
                String value = equals < 0 ? "" : PercentDecoding.decode(pair.substring(equals + 1), true);
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new FormFields(values);
    }

    Optional<String> first(String name) {
        List<String> all = values.getOrDefault(name, List.of());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    int count(String name) {
        return values.getOrDefault(name, List.of()).size();
    }

    /** The first name that occurs more than once; OAuth 2 forbids repeating a token request parameter. */
    Optional<String> repeatedName() {
        return values.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
