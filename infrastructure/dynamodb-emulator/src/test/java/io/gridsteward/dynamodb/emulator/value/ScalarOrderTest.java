package io.gridsteward.dynamodb.emulator.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScalarOrderTest {
    private static final char[] ALPHABET = {'a', 'z', 'é', '中', '\uE000', '\uFFFD'};

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(5);
        for (int index = 0; index < length; index++) {
            if (random.nextBoolean()) {
                text.appendCodePoint(0x1F600 + random.nextInt(3));
            } else {
                char unit = ALPHABET[random.nextInt(ALPHABET.length)];
                text.append(unit);
            }
        }
        return text.toString();
    }

    @Test
    void stringsCompareByTheirUtf8Bytes() {
        Random random = new Random(42);
        for (int round = 0; round < 20000; round++) {
            String left = randomString(random);
            String right = randomString(random);
            int expected = Integer.signum(Arrays.compareUnsigned(
                    left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8)));

            int actual = Integer.signum(
                    ScalarOrder.compare(new AttributeValue.StringValue(left), new AttributeValue.StringValue(right)));

            assertThat(actual).as("%s vs %s", left, right).isEqualTo(expected);
        }
    }

    @Test
    void numbersCompareNumerically() {
        assertThat(ScalarOrder.compare(
                        new AttributeValue.NumberValue(new java.math.BigDecimal("10")),
                        new AttributeValue.NumberValue(new java.math.BigDecimal("9.5"))))
                .isPositive();
    }
}
