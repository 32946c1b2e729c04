# Osprey's job wrapper, the deciding part: osprey-job.sh runs this awk program in the job directory
# once the program has ended (with LC_ALL=C, its variables -v code, duration, number,
# has_objective, has_failure, and OSPREY_JOB_* in the environment) and writes what it prints to
# result.json. It applies the rules of Osprey's ProgramOutcome (see osprey-job.sh) and exits 0
# exactly when the job completed.
# Splits a record into the lines Java sees (it also ends lines at a lone CR) and appends them.
function add_lines(record, lines, n,    parts, k, i) {
    sub(/\r$/, "", record)
    if (record == "") { lines[++n] = ""; return n }
    k = split(record, parts, "\r")
    for (i = 1; i <= k; i++) lines[++n] = parts[i]
    return n
}
function strip(s) {
    sub(/^[ \t\r\n\f\v]+/, "", s)
    sub(/[ \t\r\n\f\v]+$/, "", s)
    return s
}
# Parses a line made only of numbers into vals[1..count]; returns count, or 0 for any other line.
# kinds[i] is "nan", "+inf", "-inf" or "" (finite).
function numbers(line, vals, kinds,    toks, k, i, n, t, x) {
    line = strip(line)
    if (line == "") return 0
    k = split(line, toks, /[ \t\r\n\f\v,]+/)
    n = 0
    for (i = 1; i <= k; i++) {
        t = toks[i]
        if (t == "") continue
        if (t ~ /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/) {
            x = t + 0
            vals[++n] = x
            kinds[n] = (x != 0 && x == 2 * x) ? (x > 0 ? "+inf" : "-inf") : ""
        } else if (t ~ /^[-+]?([Nn][Aa][Nn]|[Ii][Nn][Ff]|[Ii][Nn][Ff][Ii][Nn][Ii][Tt][Yy])$/) {
            vals[++n] = 0
            if (t ~ /[Nn][Aa][Nn]/) kinds[n] = "nan"
            else kinds[n] = (substr(t, 1, 1) == "-") ? "-inf" : "+inf"
        } else {
            return 0
        }
    }
    return n
}
# The shortest of %.15g, %.16g, %.17g that reads back as the same double.
function num(x,    p, s) {
    for (p = 15; p < 17; p++) {
        s = sprintf("%." p "g", x)
        if (s + 0 == x) return s
    }
    return sprintf("%.17g", x)
}
# Replaces every ch in s by rep (no gsub: awks disagree on backslashes in its replacement).
function replace_all(s, ch, rep,    out, i) {
    out = ""
    while ((i = index(s, ch)) > 0) {
        out = out substr(s, 1, i - 1) rep
        s = substr(s, i + 1)
    }
    return out s
}
function json(s,    c) {
    s = replace_all(s, "\\", "\\\\")
    s = replace_all(s, "\"", "\\\"")
    s = replace_all(s, "\n", "\\n")
    s = replace_all(s, "\r", "\\r")
    s = replace_all(s, "\t", "\\t")
    for (c in control) {
        if (index(s, c) > 0) s = replace_all(s, c, control[c])
    }
    return "\"" s "\""
}
function read_lines(file, lines,    n, r, status) {
    n = 0
    while ((status = (getline r < file)) > 0) n = add_lines(r, lines, n)
    close(file)
    return n
}
# "; stderr ends with:" and its last 20 lines, or nothing when stderr is empty.
function stderr_tail(    lines, n, i, s) {
    n = read_lines("stderr.log", lines)
    if (n == 0) return ""
    s = "; stderr ends with:"
    for (i = (n > 20 ? n - 19 : 1); i <= n; i++) s = s "\n" lines[i]
    return s
}
# How many UTF-16 code units (the chars of Java) the UTF-8 character starting with byte b is.
function units_of(b) {
    return b >= 240 ? 2 : 1
}
# How many bytes the UTF-8 character starting with byte b has (1 for a stray byte).
function width_of(b) {
    return b >= 240 ? 4 : b >= 224 ? 3 : b >= 192 ? 2 : 1
}
# s cut to 300 UTF-16 code units, as Java counts them, ending in "..." when cut (never inside a
# character): the same cut as ProgramOutcome.failureReason.
function capped(s,    n, i, b, w, u, total, kept, end) {
    n = length(s); total = 0
    for (i = 1; i <= n; i += w) {
        b = ord[substr(s, i, 1)]
        w = width_of(b); total += units_of(b)
    }
    if (total <= 300) return s
    kept = 0; end = 0
    for (i = 1; i <= n; i += w) {
        b = ord[substr(s, i, 1)]
        w = width_of(b); u = units_of(b)
        if (kept + u > 297) break
        kept += u; end = i + w - 1
    }
    return substr(s, 1, end) "..."
}
# The last non-empty line of failure.txt, stripped and capped, or "" when there is none.
function failure_reason(    lines, n, i, last) {
    if (has_failure != "1") return ""
    n = read_lines("failure.txt", lines)
    last = ""
    for (i = 1; i <= n; i++) {
        if (strip(lines[i]) != "") last = strip(lines[i])
    }
    return last == "" ? "" : capped(last)
}
function quote(text) {
    text = strip(text)
    if (length(text) > 80) text = substr(text, 1, 77) "..."
    return "'" text "'"
}
# Fails the job unless every value is finite; returns 1 when it did.
function reject(count, kinds, source,    i) {
    for (i = 1; i <= count; i++) {
        if (kinds[i] == "nan") { error = "the objective is NaN (from " source ")"; return 1 }
        if (kinds[i] != "") { error = "the objective is " kinds[i] " (from " source ")"; return 1 }
    }
    return 0
}
# Reads an "osprey:objective NAME VALUE" or "osprey:constraint NAME VALUE [<= LIMIT | >= LIMIT]"
# line into the named objectives or constraints (the last line for a name wins; names keep their
# first place); notes the first malformed one. Returns 0 for any other line.
function named_line(line,    t, toks, k, obj, name, v, kd, l, lk) {
    t = strip(line)
    if (t ~ /^osprey:objective([ \t\r\n\f\v]|$)/) obj = 1
    else if (t ~ /^osprey:constraint([ \t\r\n\f\v]|$)/) obj = 0
    else return 0
    k = split(t, toks, /[ \t\r\n\f\v]+/)
    name = toks[2]
    if (name !~ /^[A-Za-z_][A-Za-z0-9_.-]*$/ || !(k == 3 || (!obj && k == 5)) || !single(toks[3], v, kd) \
        || (k == 5 && ((toks[4] != "<=" && toks[4] != ">=") || !single(toks[5], l, lk)))) {
        if (malformed == "") malformed = t
        return 1
    }
    if (obj) {
        if (!(name in obj_val)) obj_order[++obj_n] = name
        obj_val[name] = v[1]; obj_kind[name] = kd[1]
        return 1
    }
    if (!(name in con_val)) con_order[++con_n] = name
    # a NaN or an infinity stays as given, so that it is rejected by what it was
    if (kd[1] != "" || k == 3) { con_val[name] = v[1]; con_kind[name] = kd[1] }
    else if (lk[1] != "") { con_val[name] = l[1]; con_kind[name] = lk[1] }
    else { con_val[name] = (toks[4] == "<=") ? v[1] - l[1] : l[1] - v[1]; con_kind[name] = "" }
    return 1
}
# Whether the token is one number (into v[1], kd[1]).
function single(token, v, kd) {
    return token !~ /,/ && numbers(token, v, kd) == 1
}
# The first named objective, then constraint, that is not finite, as an error; or "".
function named_problem(    i, kd) {
    for (i = 1; i <= obj_n; i++) {
        kd = obj_kind[obj_order[i]]
        if (kd != "") return "the objective '" obj_order[i] "' is " (kd == "nan" ? "NaN" : kd)
    }
    for (i = 1; i <= con_n; i++) {
        kd = con_kind[con_order[i]]
        if (kd != "") return "the constraint '" con_order[i] "' is " (kd == "nan" ? "NaN" : kd)
    }
    return ""
}
BEGIN {
    for (i = 1; i < 32; i++) {
        if (i != 9 && i != 10 && i != 13) control[sprintf("%c", i)] = sprintf("\\u%04x", i)
    }
    for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i
    program = ENVIRON["OSPREY_JOB_PROGRAM"]
    cannot_run = ENVIRON["OSPREY_JOB_CANNOT_RUN"]
    cannot_enter = ENVIRON["OSPREY_JOB_CANNOT_ENTER"]
    status = "FAILED"; error = ""; count = 0
    if (cannot_enter != "") {
        error = "cannot start the program: cannot enter its working directory '" cannot_enter "' on " \
            ENVIRON["OSPREY_JOB_HOST"] "; it must exist on the machine that runs the job"
    } else if (cannot_run != "") {
        error = "cannot run program '" program "': " cannot_run \
            "; check that it is installed and on PATH, or give its full path"
    } else if (code == 130) {
        status = "CANCELLED"; error = "interrupted"
    } else if (code != 0) {
        reason = failure_reason()
        error = (reason != "" ? reason " (exited with code " code ")" : "exited with code " code) stderr_tail()
    } else if ((reason = failure_reason()) != "") {
        error = reason
    } else {
        # streamed: stdout may be large; its named lines and its last line of numbers count
        while ((getline r < "stdout.log") > 0) {
            n = add_lines(r, lines, 0)
            for (i = 1; i <= n; i++) {
                if (strip(lines[i]) ~ /^osprey:report/) continue
                if (named_line(lines[i])) continue
                c = numbers(lines[i], v, k)
                if (c > 0) {
                    count = c
                    for (j = 1; j <= c; j++) { vals[j] = v[j]; kinds[j] = k[j] }
                }
            }
        }
        close("stdout.log")
        if (malformed != "") {
            error = "the line " quote(malformed) " is neither 'osprey:objective NAME VALUE' nor" \
                " 'osprey:constraint NAME VALUE [<= LIMIT | >= LIMIT]' (from stdout)"
        } else if ((problem = named_problem()) != "") {
            error = problem " (from stdout)"
        } else if (has_objective == "1") {
            n = read_lines("objective.txt", lines)
            last = ""; text = ""
            for (i = 1; i <= n; i++) {
                text = text (i > 1 ? "\n" : "") lines[i]
                if (strip(lines[i]) != "") last = lines[i]
            }
            source = "the result file objective.txt"
            if (text ~ /^[ \t\n\v\f\r]*[{[]/) {
                error = json_file(text)
                if (error == "") status = "COMPLETED"
            } else if ((count = numbers(last, vals, kinds)) == 0) {
                error = source " holds " quote(text) ", not a number; write the objective as a plain number"
            } else if (!reject(count, kinds, source)) {
                status = "COMPLETED"
            }
        } else if (obj_n > 0) {
            status = "COMPLETED"; named = 1
        } else if (count == 0) {
            error = "no objective: the program exited 0 but printed no line that is a number and wrote" \
                " no result file (OSPREY_RESULT_FILE)" stderr_tail()
        } else if (!reject(count, kinds, "stdout")) {
            status = "COMPLETED"
        }
    }
    out = "{"
    if (number ~ /^[0-9]+$/) out = out "\"number\":" number ","
    out = out "\"status\":\"" status "\",\"values\":"
    if (status == "COMPLETED" && named) {
        out = out "{"
        for (i = 1; i <= obj_n; i++) out = out (i > 1 ? "," : "") json(obj_order[i]) ":" num(obj_val[obj_order[i]])
        out = out "}"
    } else {
        out = out "["
        if (status == "COMPLETED") {
            for (i = 1; i <= count; i++) out = out (i > 1 ? "," : "") num(vals[i])
        }
        out = out "]"
    }
    if (status == "COMPLETED" && con_n > 0) {
        out = out ",\"constraints\":{"
        for (i = 1; i <= con_n; i++) out = out (i > 1 ? "," : "") json(con_order[i]) ":" num(con_val[con_order[i]])
        out = out "}"
    }
    out = out ",\"error\":" json(error) ",\"exit_code\":" (code == "" ? "null" : code)
    out = out ",\"duration_ms\":" duration "}"
    print out
    exit (status == "COMPLETED" ? 0 : 1)
}
