package org.ducha.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.ducha.petitions.Channel;
import org.ducha.petitions.NewPetition;
import org.ducha.petitions.PollutionType;
import org.ducha.petitions.Priority;
import org.ducha.rounds.RoundDraft;
import org.ducha.rounds.RoundLevel;
import org.ducha.rounds.RoundManagement;

/**
 * Test cases in the officials' style, for tests that start with the demo region
 * ({@code ducha.demo=true}) and an office user signed in.
 */
public final class Cases {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private Cases() {
	}

	/** A provincial round over 萍乡市 with the default policies; returns its id. */
	public static long round(RoundManagement rounds) {
		return rounds.createRound(RoundDraft.withDefaultPolicies("第三轮省级生态环境保护督察", RoundLevel.PROVINCIAL,
				"江西省第三生态环境保护督察组", "360300", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), "0799-6660000"));
	}

	/**
	 * Batch {@code number} of a round, transferred at {@code transferredAt}; returns its
	 * id.
	 */
	public static long batch(RoundManagement rounds, long roundId, int number, Instant transferredAt) {
		return rounds.createBatch(roundId, number, transferredAt);
	}

	/** An ordinary phoned-in air complaint in 湘东区 with a complainant. */
	public static NewPetition airComplaint(String receiptNumber, Instant transferredAt) {
		return new NewPetition(receiptNumber, transferredAt, Channel.PHONE, Priority.ORDINARY,
				"湘东区下埠镇某陶瓷厂夜间生产，烟囱冒黑烟，气味刺鼻，影响周边居民休息。请联系我13907990001。", "萍乡市某陶瓷有限公司", "湘东区下埠镇工业园", List.of("360313"),
				Set.of(PollutionType.AIR), null, "王某某", "13907990001");
	}

	/** A key complaint about waste water in 芦溪县, without a complainant. */
	public static NewPetition waterComplaint(String receiptNumber, Instant transferredAt) {
		return new NewPetition(receiptNumber, transferredAt, Channel.LETTER, Priority.KEY, "芦溪县宣风镇某养殖场粪污直排袁河支流，河水发黑发臭。",
				"宣风镇某生猪养殖场", "芦溪县宣风镇", List.of("360323"), Set.of(PollutionType.WATER, PollutionType.SOIL), null, null,
				null);
	}

}
