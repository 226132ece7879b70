package io.gridsteward.local.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge rule's {@code cron(minutes hours day-of-month month day-of-week year)} expression, evaluated in UTC
 * as EventBridge evaluates rules. Six fields; one of day-of-month and day-of-week is {@code ?}. Every field takes
 * {@code * , - /}; day-of-month also {@code L} (last day), {@code L-n} and {@code nW} (the weekday nearest day n, within
 * the month); day-of-week ({@code 1}-{@code 7} or {@code SUN}-{@code SAT}, Sunday first) also {@code nL} (the month's
 * last such day) and {@code n#k} (its k-th such day). Months take {@code JAN}-{@code DEC}; years run 1970-2199.
 */
public final class CronExpression {
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final int LAST_YEAR = 2199;
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final Predicate<LocalDate> day;

    private CronExpression(
            String text, BitSet minutes, BitSet hours, BitSet months, BitSet years, Predicate<LocalDate> day) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.years = years;
        this.day = day;
    }

    /** {@code cron(...)} as written in a template; anything else (a {@code rate(...)}) is empty. */
    public static Optional<CronExpression> fromSchedule(String expression) {
        Matcher matcher = CRON.matcher(expression.trim());
        return matcher.matches() ? Optional.of(parse(matcher.group(1))) : Optional.empty();
    }

    /** The six fields; an expression EventBridge would refuse is an {@link IllegalArgumentException} naming the field. */
    public static CronExpression parse(String fields) {
        String[] parts = fields.trim().split("\\s+");
        if (parts.length != 6) {
            throw new IllegalArgumentException(
                    "a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), not "
                            + parts.length + ": " + fields);
        }
        String dayOfMonth = parts[2].toUpperCase(Locale.ROOT);
        String dayOfWeek = parts[4].toUpperCase(Locale.ROOT);
        if (dayOfMonth.equals("?") == dayOfWeek.equals("?")) {
            throw new IllegalArgumentException("exactly one of day-of-month and day-of-week must be '?': " + fields);
        }
        Predicate<LocalDate> day = dayOfMonth.equals("?") ? dayOfWeek(dayOfWeek) : dayOfMonth(dayOfMonth);
        return new CronExpression(
                fields.trim(),
                values("minutes", parts[0], 0, 59, List.of()),
                values("hours", parts[1], 0, 23, List.of()),
                values("month", parts[3].toUpperCase(Locale.ROOT), 1, 12, MONTHS),
                values("year", parts[5], 1970, LAST_YEAR, List.of()),
                day);
    }

    /** The first firing strictly after {@code instant}, to the minute; empty when the expression never fires again. */
    public Optional<Instant> nextAfter(Instant instant) {
        LocalDateTime after = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        for (LocalDate date = after.toLocalDate(); date.getYear() <= LAST_YEAR; date = date.plusDays(1)) {
            if (!years.get(date.getYear())) {
                date = LocalDate.of(date.getYear(), 12, 31);
                continue;
            }
            if (!months.get(date.getMonthValue())) {
                date = date.with(TemporalAdjusters.lastDayOfMonth());
                continue;
            }
            if (!day.test(date)) {
                continue;
            }
            Optional<LocalTime> time =
                    firstTime(date.equals(after.toLocalDate()) ? Optional.of(after.toLocalTime()) : Optional.empty());
            if (time.isPresent()) {
                return Optional.of(date.atTime(time.get()).toInstant(ZoneOffset.UTC));
            }
        }
        return Optional.empty();
    }

    /** The earliest time of day this expression fires, later than {@code laterThan} if given. */
    private Optional<LocalTime> firstTime(Optional<LocalTime> laterThan) {
        for (int hour = hours.nextSetBit(0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
            for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                LocalTime candidate = LocalTime.of(hour, minute);
                if (laterThan.isEmpty() || candidate.isAfter(laterThan.get())) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Predicate<LocalDate> dayOfMonth(String field) {
        if (field.equals("L")) {
            return date -> date.getDayOfMonth() == date.lengthOfMonth();
        }
        Matcher lastMinus = Pattern.compile("L-(\\d{1,2})").matcher(field);
        if (lastMinus.matches()) {
            int offset = bounded("day-of-month", lastMinus.group(1), 0, 30);
            return date -> date.getDayOfMonth() == date.lengthOfMonth() - offset;
        }
        Matcher weekday = Pattern.compile("(\\d{1,2})W").matcher(field);
        if (weekday.matches()) {
            int target = bounded("day-of-month", weekday.group(1), 1, 31);
            return date -> date.equals(nearestWeekday(date, target));
        }
        BitSet days = values("day-of-month", field, 1, 31, List.of());
        return date -> days.get(date.getDayOfMonth());
    }

    /** The weekday nearest the month's day {@code target} (clamped to the month's length), never crossing into another month. */
    private static LocalDate nearestWeekday(LocalDate inMonth, int target) {
        LocalDate day = inMonth.withDayOfMonth(Math.min(target, inMonth.lengthOfMonth()));
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.getDayOfMonth() == 1 ? day.plusDays(2) : day.minusDays(1);
            case SUNDAY -> day.getDayOfMonth() == day.lengthOfMonth() ? day.minusDays(2) : day.plusDays(1);
            default -> day;
        };
    }

    private static Predicate<LocalDate> dayOfWeek(String field) {
        Matcher last = Pattern.compile("(\\w+)L").matcher(field);
        if (last.matches()) {
            DayOfWeek weekday = weekday(last.group(1));
            return date -> date.getDayOfWeek() == weekday && date.plusWeeks(1).getMonth() != date.getMonth();
        }
        Matcher nth = Pattern.compile("(\\w+)#(\\d)").matcher(field);
        if (nth.matches()) {
            DayOfWeek weekday = weekday(nth.group(1));
            int ordinal = bounded("day-of-week", nth.group(2), 1, 5);
            return date -> date.getDayOfWeek() == weekday && (date.getDayOfMonth() - 1) / 7 + 1 == ordinal;
        }
        BitSet days = values("day-of-week", field, 1, 7, DAYS);
        return date -> days.get(date.getDayOfWeek().getValue() % 7 + 1);
    }

    /** A day-of-week number (1 = Sunday) or name. */
    private static DayOfWeek weekday(String token) {
        int number = DAYS.contains(token) ? DAYS.indexOf(token) + 1 : bounded("day-of-week", token, 1, 7);
        return DayOfWeek.SUNDAY.plus(number - 1);
    }

    /** A field of {@code *}, numbers or names, ranges {@code a-b} and increments {@code a/n} or {@code a-b/n}, separated by commas. */
    private static BitSet values(String name, String field, int minimum, int maximum, List<String> names) {
        BitSet values = new BitSet(maximum + 1);
        for (String item : field.split(",", -1)) {
            String[] stepParts = item.split("/", -1);
            if (stepParts.length > 2) {
                throw new IllegalArgumentException(name + ": '" + item + "' has more than one '/'");
            }
            String range = stepParts[0];
            int step = stepParts.length == 2 ? bounded(name, stepParts[1], 1, maximum - minimum + 1) : 1;
            int from;
            int to;
            if (range.equals("*")) {
                from = minimum;
                to = maximum;
            } else if (range.contains("-")) {
                String[] bounds = range.split("-", -1);
                if (bounds.length != 2) {
                    throw new IllegalArgumentException(name + ": '" + item + "' is not a range");
                }
                from = value(name, bounds[0], minimum, maximum, names);
                to = value(name, bounds[1], minimum, maximum, names);
                if (to < from) {
                    throw new IllegalArgumentException(name + ": the range '" + item + "' runs backwards");
                }
            } else {
                from = value(name, range, minimum, maximum, names);
                to = stepParts.length == 2 ? maximum : from;
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int value(String name, String token, int minimum, int maximum, List<String> names) {
        return names.contains(token) ? names.indexOf(token) + minimum : bounded(name, token, minimum, maximum);
    }

    private static int bounded(String name, String token, int minimum, int maximum) {
        int value;
        try {
            value = Integer.parseInt(token);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + ": '" + token + "' is not a value of this field");
        }
        if (value < minimum || value > maximum) {
            throw new IllegalArgumentException(name + ": " + value + " is outside " + minimum + "-" + maximum);
        }
        return value;
    }

    @Override
    public String toString() {
        return "cron(" + text + ")";
    }
}
