package de.foerderregister.decision;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.math.BigDecimal;

/**
 * When an amendment needs a second FITKO user: a move (raise or cut) of more than a share of the
 * amount last settled by two people, or of more than a fixed sum — either is enough. Measuring
 * from the settled amount, not from the step before, means a chain of small steps needs the
 * second user as soon as their sum passes a threshold.
 */
@Singleton
public class FourEyesPolicy {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final BigDecimal relativePercent;
    private final BigDecimal absoluteAmount;

    public FourEyesPolicy(@Value("${registry.four-eyes.relative-percent:10}") BigDecimal relativePercent,
                          @Value("${registry.four-eyes.absolute-amount:100000}") BigDecimal absoluteAmount) {
        this.relativePercent = relativePercent;
        this.absoluteAmount = absoluteAmount;
    }

    public boolean needsSecondPair(BigDecimal settled, BigDecimal proposed) {
        BigDecimal move = proposed.subtract(settled).abs();
        return move.compareTo(absoluteAmount) > 0
                || move.multiply(HUNDRED).compareTo(settled.multiply(relativePercent)) > 0;
    }
}
