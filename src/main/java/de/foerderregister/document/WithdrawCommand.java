package de.foerderregister.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Why a document is marked withdrawn. */
@Serdeable
public record WithdrawCommand(@Nullable String reason) {
}
