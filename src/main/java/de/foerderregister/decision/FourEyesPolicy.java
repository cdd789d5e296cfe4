package de.foerderregister.decision;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.math.BigDecimal;

/**
 * When an amendment needs a second FITKO user: a raise of more than a share of the current
 * amount, or of more than a fixed sum — either is enough.
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

    public boolean needsSecondPair(BigDecimal current, BigDecimal proposed) {
        BigDecimal raise = proposed.subtract(current);
        return raise.compareTo(absoluteAmount) > 0
                || raise.multiply(HUNDRED).compareTo(current.multiply(relativePercent)) > 0;
    }
}
