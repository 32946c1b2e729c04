package dev.osprey.composer.override;

import dev.osprey.composer.override.Element.FloatValue;
import dev.osprey.composer.override.Element.IntValue;
import dev.osprey.composer.override.Element.NumberValue;
import dev.osprey.composer.override.Sweep.RangeSweep;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of a {@link RangeSweep}. Int ranges are Python's {@code range}; other ranges step in
 * exact decimal arithmetic from each number's shortest decimal form and yield doubles, so
 * {@code range(0.1, 0.4, 0.1)} is 0.1, 0.2, 0.3 and never 0.30000000000000004.
 */
final class Ranges {

    /** The largest number of values a range may enumerate to. */
    private static final BigInteger MAX_VALUES = BigInteger.valueOf(10_000_000);

    private Ranges() {
    }

    static List<NumberValue> values(RangeSweep range) {
        int n = count(range, true).intValueExact();
        List<NumberValue> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(valueAt(range, i));
        }
        return values;
    }

    /** {@code start + index * step}, exactly (then rounded to a double for float ranges). */
    static NumberValue valueAt(RangeSweep range, long index) {
        if (range.isIntRange()) {
            return new IntValue(integer(range.start()).add(integer(range.step()).multiply(BigInteger.valueOf(index))));
        }
        BigDecimal value = decimal(range.start()).add(decimal(range.step()).multiply(BigDecimal.valueOf(index)));
        return new FloatValue(value.doubleValue());
    }

    /**
     * How many values the range has; Python's errors for a zero step. With {@code capped}, a range
     * too large to enumerate is an error.
     */
    static BigInteger count(RangeSweep range, boolean capped) {
        BigInteger n;
        if (range.isIntRange()) {
            BigInteger step = integer(range.step());
            if (step.signum() == 0) {
                throw PyError.valueError("range() arg 3 must not be zero");
            }
            BigInteger span = integer(range.stop()).subtract(integer(range.start()));
            n = ceilDiv(span, step);
        } else {
            BigDecimal start = decimal(range.start());
            BigDecimal stop = decimal(range.stop());
            BigDecimal step = decimal(range.step());
            if (step.signum() == 0) {
                throw new PyError("HydraException", "Invalid range values (start:" + start.toPlainString()
                        + ", stop:" + stop.toPlainString() + ", step:" + step.toPlainString() + ")");
            }
            n = stop.subtract(start).divide(step, 0, RoundingMode.CEILING).toBigIntegerExact();
        }
        n = n.max(BigInteger.ZERO);
        if (capped && n.compareTo(MAX_VALUES) > 0) {
            throw PyError.valueError("range has " + n + " values, more than the " + MAX_VALUES
                    + " a sweep may enumerate");
        }
        return n;
    }

    /**
     * The same values in ascending order ({@code reverse == false}) or descending order. A range
     * already walking that way is returned as is; otherwise it restarts from its last value, with
     * the step negated and a stop one step (int ranges) or half a step (float ranges) past its first value.
     */
    static RangeSweep sorted(RangeSweep range, boolean reverse) {
        boolean ascending = range.step().doubleValue() > 0;
        if (ascending != reverse) {
            return range;
        }
        BigInteger n = count(range, false);
        if (n.compareTo(BigInteger.ONE) <= 0) {
            return range;
        }
        NumberValue newStep = negate(range.step());
        if (range.isIntRange()) {
            BigInteger first = integer(range.start());
            BigInteger step = integer(range.step());
            BigInteger last = first.add(step.multiply(n.subtract(BigInteger.ONE)));
            return new RangeSweep(new IntValue(last), new IntValue(first.subtract(step)), newStep,
                    range.shuffle(), range.tags());
        }
        BigDecimal first = decimal(range.start());
        BigDecimal step = decimal(range.step());
        BigDecimal last = first.add(step.multiply(new BigDecimal(n.subtract(BigInteger.ONE))));
        BigDecimal stop = first.subtract(step.divide(BigDecimal.valueOf(2)));
        return new RangeSweep(new FloatValue(last.doubleValue()), new FloatValue(stop.doubleValue()), newStep,
                range.shuffle(), range.tags());
    }

    private static NumberValue negate(NumberValue value) {
        return switch (value) {
            case IntValue i -> new IntValue(i.value().negate());
            case FloatValue f -> new FloatValue(-f.value());
        };
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        boolean roundUp = qr[1].signum() != 0 && (qr[1].signum() == b.signum());
        return roundUp ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    private static BigInteger integer(NumberValue value) {
        return ((IntValue) value).value();
    }

    /** The exact decimal of an int, or of a float's shortest repr. */
    static BigDecimal decimal(NumberValue value) {
        return switch (value) {
            case IntValue i -> new BigDecimal(i.value());
            case FloatValue f -> {
                if (!Double.isFinite(f.value())) {
                    throw PyError.valueError("range bounds and step must be finite, but got " + Numbers.repr(f.value()));
                }
                yield Numbers.shortestDecimal(f.value());
            }
        };
    }
}
