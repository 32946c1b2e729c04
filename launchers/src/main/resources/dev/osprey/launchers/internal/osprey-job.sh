#!/bin/sh
# Osprey's job wrapper for queued launchers (task-spooler, Slurm).
#
#   sh osprey-job.sh [--cwd DIR] JOBDIR PROGRAM [ARGS...]
#
# Runs PROGRAM with its arguments exactly as given ("$@": no value passes through a shell) in
# DIR (by default JOBDIR), with stdout in JOBDIR/stdout.log and stderr in JOBDIR/stderr.log, then
# decides the job's result by the rules of Osprey's ProgramOutcome and writes it atomically to
# JOBDIR/result.json. The job's files are always in JOBDIR, whatever DIR is. The rules:
#   * exit code 130 (SIGINT, Ctrl-C) cancels the job as interrupted;
#   * the program may write why it failed to failure.txt (OSPREY_FAILURE_FILE): its last
#     non-empty line, stripped and cut to 300 characters, is the REASON;
#   * another non-zero exit fails the job, with "REASON (exited with code N)" or else
#     "exited with code N", then the tail of stderr;
#   * an exit code 0 with a REASON fails the job with the REASON alone, whatever it reported;
#   * otherwise objective.txt, if the program wrote it, must hold a line of numbers, or JSON:
#     [VALUES] or {"values": [VALUES] | {NAME: VALUE, ...}, "constraints": {NAME: VALUE |
#     {"value": V, "limit": L} | {"value": V, "at_least": L}, ...}}, its constraints joining
#     (and winning over) those on stdout;
#   * else the last stdout line made only of numbers (separated by spaces or commas) is the
#     objective; "osprey:report STEP VALUE" lines are intermediate values, not objectives;
#   * "osprey:objective NAME VALUE" lines on stdout are named objectives (unless objective.txt
#     holds the objective), "osprey:constraint NAME VALUE [<= LIMIT | >= LIMIT]" lines constraints,
#     stored as VALUE-LIMIT (resp. LIMIT-VALUE); a malformed one, or NaN or an infinity in one,
#     fails the job;
#   * NaN, an infinity or no number at all fail the job.
# A DIR that cannot be entered fails the job without running PROGRAM.
# The wrapper exits non-zero whenever the job did not complete (the program's own code if it was
# non-zero, else 1), so that the scheduler's view of the job agrees with result.json.

usage() {
    echo "osprey-job: usage: sh osprey-job.sh [--cwd DIR] JOBDIR PROGRAM [ARGS...]" >&2
    exit 2
}
workdir=
if [ "$1" = "--cwd" ]; then
    [ "$#" -ge 2 ] || usage
    workdir=$2
    shift 2
fi
[ "$#" -ge 2 ] || usage
dir=$1
shift
if ! cd "$dir" 2>/dev/null; then
    echo "osprey-job: cannot enter the job directory '$dir' on $(hostname 2>/dev/null);" \
        "it must be on a file system this machine shares with the one that submitted the job" >&2
    exit 2
fi
# absolute: the program runs in its working directory, and its output still goes here
dir=$(pwd)
# A job Slurm requeued (scontrol requeue, preemption, a node failure) runs again from the start:
# what its killed run left must not pass for this run's result. The program sees how many times
# it was restarted, so that it can resume from what it saved in the job directory.
if [ "${SLURM_RESTART_COUNT:-0}" -gt 0 ] 2>/dev/null; then
    rm -f result.json objective.txt failure.txt
    OSPREY_RESTART_COUNT=$SLURM_RESTART_COUNT
    export OSPREY_RESTART_COUNT
fi

now_ms() {
    t=$(date +%s%N 2>/dev/null)
    case $t in
        ''|*[!0-9]*) echo $(( $(date +%s) * 1000 )) ;;
        *) echo $(( t / 1000000 )) ;;
    esac
}

# A working directory the program cannot run in, or nothing; a relative program path and PATH
# entries are looked up from there.
cannot_enter=
if [ -n "$workdir" ] && ! cd "$workdir" 2>/dev/null; then
    cannot_enter=$workdir
fi

# Why the program cannot be started at all, or nothing: then it is not run and has no exit code.
cannot_run=
[ -z "$cannot_enter" ] && case $1 in
    */*)
        if [ ! -e "$1" ]; then
            cannot_run="no such file"
        elif [ -d "$1" ] || [ ! -x "$1" ]; then
            cannot_run="not an executable file"
        fi
        ;;
    *)
        command -v "$1" >/dev/null 2>&1 || cannot_run="not found on PATH ($PATH)"
        ;;
esac

start=$(now_ms)
if [ -n "$cannot_enter$cannot_run" ]; then
    : >"$dir/stdout.log"
    : >"$dir/stderr.log"
    code=
else
    # The wrapper outlives its program, so that the scheduler counts the job as running (and its
    # slot as taken) for as long as the program runs. A stop signal reaches the program straight
    # from the scheduler (tsp -k signals the job's process group, scancel every job process); the
    # wrapper notes it and waits on. SIGUSR1 and SIGUSR2, which sbatch --signal=B:USR1@SECONDS sends
    # to the batch script alone before a time limit, are passed on to the program to checkpoint.
    "$@" >"$dir/stdout.log" 2>"$dir/stderr.log" </dev/null &
    child=$!
    trap 'signalled=1' TERM INT HUP
    trap 'signalled=1; kill -USR1 "$child" 2>/dev/null' USR1
    trap 'signalled=1; kill -USR2 "$child" 2>/dev/null' USR2
    while :; do
        signalled=
        wait "$child"
        code=$?
        [ -n "$signalled" ] || break
    done
    trap - TERM INT HUP USR1 USR2
fi
duration=$(( $(now_ms) - start ))
# back to the job directory, where the job's files are read and written
if ! cd "$dir"; then
    echo "osprey-job: cannot enter the job directory '$dir' again to write its result" >&2
    exit 3
fi

tmp="result.json.tmp.$$"
OSPREY_JOB_PROGRAM=$1 OSPREY_JOB_CANNOT_RUN=$cannot_run OSPREY_JOB_CANNOT_ENTER=$cannot_enter \
    OSPREY_JOB_HOST=$(hostname 2>/dev/null) LC_ALL=C \
    awk -v code="$code" -v duration="$duration" \
    -v number="${OSPREY_JOB_NUM:-}" -v has_objective="$([ -e objective.txt ] && echo 1)" \
    -v has_failure="$([ -e failure.txt ] && echo 1)" '
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
    return "'\''" text "'\''"
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
        if (kd != "") return "the objective '\''" obj_order[i] "'\'' is " (kd == "nan" ? "NaN" : kd)
    }
    for (i = 1; i <= con_n; i++) {
        kd = con_kind[con_order[i]]
        if (kd != "") return "the constraint '\''" con_order[i] "'\'' is " (kd == "nan" ? "NaN" : kd)
    }
    return ""
}
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
            if (kd != "") return "the objective '\''" obj_order[i] "'\'' is " (kd == "nan" ? "NaN" : kd) \
                " (from the result file objective.txt)"
        }
    } else if (reject(count, kinds, "the result file objective.txt")) {
        return error
    }
    for (i = 1; i <= fcn; i++) {
        kd = con_kind[fcon[i]]
        if (kd != "") return "the constraint '\''" fcon[i] "'\'' is " (kd == "nan" ? "NaN" : kd) \
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
    perr = "the result file objective.txt has the name '\''" jstr "'\''; a name is a letter or _, then" \
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
                perr = "the result file objective.txt has the field '\''" field "'\''; it may hold \"values\"" \
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
        perr = "the constraint '\''" name "'\'' in the result file objective.txt needs \"value\" and one of" \
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
        error = "cannot start the program: cannot enter its working directory '\''" cannot_enter "'\'' on " \
            ENVIRON["OSPREY_JOB_HOST"] "; it must exist on the machine that runs the job"
    } else if (cannot_run != "") {
        error = "cannot run program '\''" program "'\'': " cannot_run \
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
            error = "the line " quote(malformed) " is neither '\''osprey:objective NAME VALUE'\'' nor" \
                " '\''osprey:constraint NAME VALUE [<= LIMIT | >= LIMIT]'\'' (from stdout)"
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
}' >"$tmp"
completed=$?
# result.json must be valid UTF-8 even when stderr was not: drop what is not
if command -v iconv >/dev/null 2>&1; then
    iconv -c -f UTF-8 -t UTF-8 <"$tmp" >"$tmp.utf8" 2>/dev/null
    mv -f "$tmp.utf8" "$tmp"
fi
if ! mv -f "$tmp" result.json; then
    echo "osprey-job: cannot write $dir/result.json" >&2
    exit 3
fi

if [ -n "$code" ] && [ "$code" -ne 0 ]; then
    exit "$code"
fi
if [ -n "$cannot_run" ]; then
    exit 127
fi
if [ "$completed" -ne 0 ]; then
    exit 1
fi
exit 0
