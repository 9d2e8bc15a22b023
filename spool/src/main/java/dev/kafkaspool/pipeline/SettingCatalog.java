package dev.kafkaspool.pipeline;

import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.Setting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kafkaspool.encoding.EncodingSettings;
import dev.kafkaspool.pod.PodSettings;

/**
 * Every setting an appender accepts, found by the name users write in their configuration files.
 * The settings themselves are defined once each, in {@link EngineSettings}, {@link EncodingSettings}
 * and {@link PodSettings}; this catalog only lists them, in the sections the documentation uses.
 */
public final class SettingCatalog {
    /** Section title to its settings, in documentation order. */
    private static final Map<String, List<Setting<?>>> SECTIONS = buildSections();
    private static final Map<String, Setting<?>> BY_NAME = byName();

    private SettingCatalog() {
    }

    /** The settings in sections, each with its title, in the order the documentation lists them. */
    public static Map<String, List<Setting<?>>> sections() {
        return SECTIONS;
    }

    private static Map<String, List<Setting<?>>> buildSections() {
        Map<String, List<Setting<?>>> s = new LinkedHashMap<>();
        s.put("Engine: delivery, spool and lifecycle", EngineSettings.all());
        s.put("Record: layout, topic, key and limits", EncodingSettings.all());
        s.put("Pod metadata: where the Kubernetes fields are read from", PodSettings.all());
        return Collections.unmodifiableMap(s);
    }

    /** Every setting, in documentation order. */
    public static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>();
        for (List<Setting<?>> section : SECTIONS.values()) {
            all.addAll(section);
        }
        return all;
    }

    /** The setting with this name (case-sensitive, as documented), or null. */
    public static Setting<?> find(String name) {
        return name == null ? null : BY_NAME.get(name.trim());
    }

    private static Map<String, Setting<?>> byName() {
        Map<String, Setting<?>> m = new LinkedHashMap<>();
        for (List<Setting<?>> section : SECTIONS.values()) {
            for (Setting<?> s : section) {
                if (m.put(s.name(), s) != null) {
                    throw new IllegalStateException("two settings are named " + s.name());
                }
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
