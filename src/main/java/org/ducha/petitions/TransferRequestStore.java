package org.ducha.petitions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The transfer_request table. */
@Repository
class TransferRequestStore {

	private static final RowMapper<TransferRequest> REQUEST = (rs, row) -> {
		long to = rs.getLong("to_unit_id");
		return new TransferRequest(rs.getLong("id"), rs.getLong("petition_id"), rs.getLong("from_unit_id"),
				rs.wasNull() ? null : to, rs.getString("reason"), rs.getString("requested_by"),
				PetitionStore.instant(rs, "requested_at"), rs.getString("decision"), rs.getString("decided_by"),
				PetitionStore.instant(rs, "decided_at"), rs.getString("decision_note"));
	};

	private final JdbcClient jdbc;

	TransferRequestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long petitionId, long fromUnitId, Long toUnitId, String reason, String login, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into transfer_request (petition_id, from_unit_id, to_unit_id, reason, requested_by, requested_at,
				  decision)
				values (?, ?, ?, ?, ?, ?, 'PENDING')""")
			.params(petitionId, fromUnitId, toUnitId, reason, login, PetitionStore.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<TransferRequest> request(long id) {
		return this.jdbc.sql("select * from transfer_request where id = ?").param(id).query(REQUEST).optional();
	}

	List<TransferRequest> ofPetition(long petitionId) {
		return this.jdbc.sql("select * from transfer_request where petition_id = ? order by requested_at, id")
			.param(petitionId)
			.query(REQUEST)
			.list();
	}

	List<TransferRequest> pending() {
		return this.jdbc.sql("select * from transfer_request where decision = 'PENDING' order by requested_at, id")
			.query(REQUEST)
			.list();
	}

	boolean pendingFrom(long petitionId, long unitId) {
		return this.jdbc.sql("""
				select count(*) from transfer_request
				where petition_id = ? and from_unit_id = ? and decision = 'PENDING'""")
			.params(petitionId, unitId)
			.query(Long.class)
			.single() > 0;
	}

	boolean decide(long id, boolean accepted, String login, Instant now, String note) {
		return this.jdbc.sql("""
				update transfer_request set decision = ?, decided_by = ?, decided_at = ?, decision_note = ?
				where id = ? and decision = 'PENDING'""")
			.params(accepted ? "ACCEPTED" : "REJECTED", login, PetitionStore.utc(now), note, id)
			.update() == 1;
	}

}
