/**
 * The real-time core: one Pekko actor system per platform node, the sharded {@code Freelancer}
 * entity, tenant topics and the bridge to WebSocket sessions. Built by the real-time issue; the
 * module exists now so the build, the WARs and the EAR already have their final shape.
 */
package io.proxima.realtime;
