package pe.cardumen.acoustics;

import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarChannel;

/**
 * A ping with its calibrated Sv and the geometry of its samples: sample i lies at range
 * {@code firstRangeM + i·dzM} from the transducer and at depth {@code transducerDepthM} below the
 * surface plus that range.
 *
 * @param ping             the raw ping
 * @param channel          its channel
 * @param svDb             Sv per sample, dB re 1 m⁻¹ (NaN where undefined)
 * @param dzM              sample thickness c·τs/2, m
 * @param firstRangeM      range of sample 0, m (EK60: −dz; EK80: −c·τ/4)
 * @param transducerDepthM transducer depth, m
 */
public record CalibratedPing(Ping ping, SonarChannel channel, float[] svDb, double dzM, double firstRangeM, double transducerDepthM) {

    /** Range of sample i from the transducer, m. */
    public double rangeM(int i) {
        return firstRangeM + i * dzM;
    }

    /** Depth of sample i below the surface, m. */
    public double depthM(int i) {
        return transducerDepthM + rangeM(i);
    }
}
