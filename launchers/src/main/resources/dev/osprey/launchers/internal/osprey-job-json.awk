# Osprey's job wrapper, its reader of a result file written as JSON: functions for
# osprey-job.awk (osprey-job.sh runs awk with both files), read as the Java class ResultFile reads
# such a file, with the same errors.
# The result file written as JSON, read as the Java class ResultFile reads it: [VALUES] or
# {"values": [VALUES] | {NAME: VALUE, ...}, "constraints": {NAME: VALUE | {"value": V, "limit": L}
# | {"value": V, "at_least": L}, ...}}. Replaces the values (named ones set named = 1), adds the
# constraints; returns the error, or "" when the values are usable.
function json_file(text,    ok, i, kd) {
    jtext = text; tp = 1; perr = ""; has_vals = 0; fcn = 0
    ok = tokenize(text) && json_top()
    if (ok && tp != tn + 1) ok = 0
    if (!ok) return perr != "" ? perr : json_syntax()
    if (!has_vals || (named ? obj_n : count) == 0) {
        return "the result file objective.txt holds no values; write \"values\": [VALUE, ...] or" \
            " {\"NAME\": VALUE, ...}"
    }
    if (named) {
        for (i = 1; i <= obj_n; i++) {
            kd = obj_kind[obj_order[i]]
            if (kd != "") return "the objective '" obj_order[i] "' is " (kd == "nan" ? "NaN" : kd) \
                " (from the result file objective.txt)"
        }
    } else if (reject(count, kinds, "the result file objective.txt")) {
        return error
    }
    for (i = 1; i <= fcn; i++) {
        kd = con_kind[fcon[i]]
        if (kd != "") return "the constraint '" fcon[i] "' is " (kd == "nan" ? "NaN" : kd) \
            " (from the result file objective.txt)"
    }
    return ""
}
function json_syntax() {
    return "the result file objective.txt holds " quote(jtext) ", which is not a list of numbers nor" \
        " {\"values\": ..., \"constraints\": ...}"
}
# Splits text into tk[1..tn]: punctuation, "..." strings (quotes kept), runs of number characters.
function tokenize(text,    i, n, c, e, word) {
    word = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.+-"
    tn = 0; n = length(text); i = 1
    while (i <= n) {
        c = substr(text, i, 1)
        if (c == " " || c == "\t" || c == "\n" || c == "\r") i++
        else if (index("{}[]:,", c) > 0) { tk[++tn] = c; i++ }
        else if (c == "\"") {
            e = index(substr(text, i + 1), "\"")
            if (e == 0) return 0
            tk[++tn] = substr(text, i, e + 1); i += e + 1
        } else if (index(word, c) > 0) {
            e = i
            while (e <= n && index(word, substr(text, e, 1)) > 0) e++
            tk[++tn] = substr(text, i, e - i); i = e
        } else return 0
    }
    return 1
}
function jpeek(t) { return tp <= tn && tk[tp] == t }
function jaccept(t) { if (jpeek(t)) { tp++; return 1 } return 0 }
function jstring() {
    if (tp > tn || substr(tk[tp], 1, 1) != "\"") return 0
    jstr = substr(tk[tp], 2, length(tk[tp]) - 2); tp++
    return 1
}
function jname() {
    if (!jstring()) return 0
    if (jstr ~ /^[A-Za-z_][A-Za-z0-9_.-]*$/) return 1
    perr = "the result file objective.txt has the name '" jstr "'; a name is a letter or _, then" \
        " letters, digits, _ . or -"
    return 0
}
function jnumber(    v, kd) {
    if (tp > tn || tk[tp] !~ /^(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?|NaN|-?Infinity)$/) return 0
    numbers(tk[tp], v, kd); jnum = v[1]; jkind = kd[1]; tp++
    return 1
}
# [NUMBER, ...] into the positional values (clearing named ones), or into the constraints "0", "1", ...
function jlist(as_constraints,    n) {
    if (!jaccept("[")) return 0
    n = 0
    if (!as_constraints) { count = 0; named = 0 }
    if (jaccept("]")) return 1
    do {
        if (!jnumber()) return 0
        if (as_constraints) add_con(n++, jnum, jkind)
        else { vals[++count] = jnum; kinds[count] = jkind }
    } while (jaccept(","))
    return jaccept("]")
}
function add_con(name, v, kd) {
    if (!(name in con_val)) con_order[++con_n] = name
    if (!(name in fseen)) { fseen[name] = 1; fcon[++fcn] = name }
    con_val[name] = v; con_kind[name] = kd
}
function json_top(    field) {
    if (jpeek("[")) { has_vals = 1; return jlist(0) }
    if (!jaccept("{")) return 0
    if (!jaccept("}")) {
        do {
            if (!jstring()) return 0
            field = jstr
            if (!jaccept(":")) return 0
            if (field == "values") {
                has_vals = 1
                if (jpeek("[")) { if (!jlist(0)) return 0 }
                else if (!jvalues()) return 0
            } else if (field == "constraints") {
                if (jpeek("[")) { if (!jlist(1)) return 0 }
                else if (!jconstraints()) return 0
            } else {
                perr = "the result file objective.txt has the field '" field "'; it may hold \"values\"" \
                    " and \"constraints\""
                return 0
            }
        } while (jaccept(","))
        if (!jaccept("}")) return 0
    }
    return 1
}
# {NAME: NUMBER, ...} into the named objectives (replacing any from stdout).
function jvalues(    name) {
    if (!jaccept("{")) return 0
    split("", obj_order); split("", obj_val); split("", obj_kind); obj_n = 0; count = 0; named = 1
    if (jaccept("}")) return 1
    do {
        if (!jname()) return 0
        name = jstr
        if (!jaccept(":") || !jnumber()) return 0
        if (!(name in obj_val)) obj_order[++obj_n] = name
        obj_val[name] = jnum; obj_kind[name] = jkind
    } while (jaccept(","))
    return jaccept("}")
}
function jconstraints(    name) {
    if (!jaccept("{")) return 0
    if (jaccept("}")) return 1
    do {
        if (!jname()) return 0
        name = jstr
        if (!jaccept(":")) return 0
        if (jpeek("{")) { if (!jbounded(name)) return 0 }
        else if (!jnumber()) return 0
        add_con(name, jnum, jkind)
    } while (jaccept(","))
    return jaccept("}")
}
# {"value": V, "limit": L} or {"value": V, "at_least": L} into jnum and jkind, in <= 0 form.
function jbounded(name,    fv, fk, field, known) {
    if (!jaccept("{")) return 0
    known = 1
    if (!jaccept("}")) {
        do {
            if (!jstring()) return 0
            field = jstr
            if (!jaccept(":") || !jnumber()) return 0
            if (field != "value" && field != "limit" && field != "at_least") known = 0
            fv[field] = jnum; fk[field] = jkind
        } while (jaccept(","))
        if (!jaccept("}")) return 0
    }
    if (!known || !("value" in fv) || (("limit" in fv) == ("at_least" in fv))) {
        perr = "the constraint '" name "' in the result file objective.txt needs \"value\" and one of" \
            " \"limit\" (value <= limit) or \"at_least\" (value >= limit)"
        return 0
    }
    field = ("limit" in fv) ? "limit" : "at_least"
    # a NaN or an infinity stays as given, so that it is rejected by what it was
    if (fk["value"] != "") { jnum = fv["value"]; jkind = fk["value"] }
    else if (fk[field] != "") { jnum = fv[field]; jkind = fk[field] }
    else { jnum = (field == "limit") ? fv["value"] - fv[field] : fv[field] - fv["value"]; jkind = "" }
    return 1
}
