/** Player economy state (balance, collections, credited Idempotency-Keys) and its processors. */
package io.oregrid.grid.player;
