package dev.osprey.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into its words without a shell: words are separated by whitespace; single
 * or double quotes group a word's characters (whitespace included) and are removed; nothing is
 * expanded ({@code $VAR}, {@code ~}, {@code *} stay as they are). A backslash has no special meaning.
 */
final class CommandWords {

    private CommandWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("the command '" + line + "' has an unclosed " + quote
                    + " quote; close it, or leave quotes out");
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the command is empty; give a program and its arguments");
        }
        return List.copyOf(words);
    }
}
