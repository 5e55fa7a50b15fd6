/**
 * Several Batons on one PostgreSQL: which gateway shards this instance may hold ({@link ShardRange}, from
 * {@code BATON_SHARDS}), and the lease rows that give each shard to exactly one instance at a time. The choosing
 * ({@link LeasePlan}) is pure and separate from the saving ({@link LeaseStore}); {@link ShardLeases} runs the two
 * on a heartbeat and tells Discord's side which shards to connect and which to let go.
 */
package dev.baton.cluster;
