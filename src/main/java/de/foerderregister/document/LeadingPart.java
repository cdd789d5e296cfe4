package de.foerderregister.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.multipart.CompletedPart;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A short text part of a multipart upload that comes before the file, such as its title or the
 * form's CSRF token. Micronaut binds a {@code @Part String} by asking for every part of that name
 * without limit, and a demand that never ends lets the server read the rest of the request, the
 * file included, into memory as fast as it arrives, whether or not the file is being stored. Taken
 * as a publisher and asked for exactly one part, the text leaves no demand behind and the file
 * arrives only as fast as it is written.
 */
public final class LeadingPart {

    private LeadingPart() {
    }

    /**
     * The part's text, or null when the form has no such part. Waits for the part: one sent after the
     * file is only there once the whole file has been received.
     */
    public static @Nullable String text(Publisher<CompletedPart> part) {
        CompletableFuture<String> text = new CompletableFuture<>();
        part.subscribe(new Subscriber<>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription subscription) {
                this.subscription = subscription;
                subscription.request(1);
            }

            @Override
            public void onNext(CompletedPart completed) {
                try {
                    text.complete(new String(completed.getBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    text.completeExceptionally(e);
                }
                subscription.cancel();
            }

            @Override
            public void onError(Throwable failure) {
                text.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                text.complete(null);
            }
        });
        try {
            return text.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
    }
}
