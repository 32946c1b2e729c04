/**
 * Loading YAML config files into config trees. {@link YamlLoader} reads with the YAML 1.2 core schema
 * (so {@code yes}, {@code no}, {@code on} and {@code off} stay strings, unlike YAML 1.1 and PyYAML),
 * keeps {@code ???} and {@code ${...}} as text for later, and rejects duplicate keys, custom tags and
 * integers beyond 64 bits; every failure is a {@link YamlLoadException} whose message starts with
 * {@code file:line:column:}. This is the only package that uses the YAML library (snakeyaml-engine); it
 * produces {@link dev.osprey.composer.value.ConfigValue} trees, and writing trees back as YAML belongs
 * to {@link dev.osprey.composer.config.Config#toYaml()}.
 */
package dev.osprey.composer.yaml;
