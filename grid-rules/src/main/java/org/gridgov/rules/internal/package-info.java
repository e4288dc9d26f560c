/** Implementation helpers of grid-rules (shipped resources); not exported. */
package org.gridgov.rules.internal;
