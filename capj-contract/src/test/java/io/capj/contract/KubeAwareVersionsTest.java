package io.capj.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubeAwareVersionsTest {

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
        "v1beta2, v1beta1, 1",
        "v1, v1beta2, 1",
        "v2, v1, 1",
        "v1beta1, v1alpha3, 1",
        "v2alpha1, v1beta1, -1",
        "v1beta10, v1beta2, 1",
        "v1, v1, 0",
        "foo, v1alpha1, -1",
        "abc, abd, -1",
        "v1.0, v1alpha1, -1",
    })
    void comparesLikeApimachinery(String a, String b, int sign) {
        assertThat(Integer.signum(KubeAwareVersions.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(KubeAwareVersions.compare(b, a))).isEqualTo(-sign);
    }

    @RepeatedTest(5)
    void sortsAnyShuffleIntoTheSameOrder(RepetitionInfo repetition) {
        List<String> expected = List.of("bar", "foo", "v1alpha1", "v2alpha1", "v1beta1", "v1beta2", "v1", "v2", "v10");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(42L + repetition.getCurrentRepetition()));
        shuffled.sort(KubeAwareVersions.ORDER);
        assertThat(shuffled).isEqualTo(expected);
    }
}
