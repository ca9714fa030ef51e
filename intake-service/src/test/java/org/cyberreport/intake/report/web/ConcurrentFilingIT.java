package org.cyberreport.intake.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;

class ConcurrentFilingIT extends IntakeIT {

    private static final String REPORTER = TestTokens.reporter("MA", "casablanca-cyber");

    @Test
    void twentyConcurrentPostsWithOneKeyCreateExactlyOneReport() throws Exception {
        String body = example("online-fraud");

        List<Http.Answer> answers = concurrently(20, i -> file(REPORTER, "key-concurrent-0001", body));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
        assertThat(answers.stream().map(answer -> answer.json().get("id").asString()).distinct()).hasSize(1);
        assertThat(answers.stream().filter(answer -> "false".equals(answer.header("Idempotent-Replayed")))).hasSize(1);
        assertThat(storedReports()).isEqualTo(1);
    }

    @Test
    void twoHundredConcurrentFilingsGetTwoHundredDistinctReferences() throws Exception {
        String body = example("crypto");

        List<Http.Answer> answers = concurrently(200, i -> file(REPORTER, body));

        Set<String> references = new HashSet<>();
        answers.forEach(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            references.add(answer.json().get("reference").asString());
        });
        assertThat(references).hasSize(200).allMatch(reference -> reference.matches("MA-" + YEAR + "-\\d{6}"));
        assertThat(storedReports()).isEqualTo(200);
    }

    private static List<Http.Answer> concurrently(int count, Request request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 50))) {
            List<Future<Http.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Http.Answer> call = () -> {
                    start.await();
                    return request.send(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Http.Answer> answers = new ArrayList<>();
            for (Future<Http.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    @FunctionalInterface
    private interface Request {
        Http.Answer send(int index);
    }
}
