/**
 * Java records as typed configs, Hydra's structured configs. {@link Records} binds a resolved config, or
 * a subtree, to a record through its canonical constructor, with OmegaConf's coercions ({@code "10"} to
 * an int, {@code yes} to true, enum constants by name), takes the keys a config leaves out from the
 * record's static {@code defaults()} method, turns a record into a config tree, and checks command-line
 * overrides against a record before anything is composed or launched. Errors are
 * {@link ConfigBindingException}s that name the dotted path, the expected type and the value. The
 * package reads {@link dev.osprey.composer.config.Config} trees and parsed overrides; the composer uses
 * it to register records as config options and to check overrides, and {@code Osprey.main} in the
 * command-line module uses it to hand each job its config as the program's record.
 */
package dev.osprey.composer.bind;
