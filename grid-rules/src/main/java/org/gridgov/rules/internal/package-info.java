/** Implementation helpers of grid-rules (JSON reading, resources); not exported. */
package org.gridgov.rules.internal;
