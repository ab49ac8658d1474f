package pe.cardumen.acoustics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarChannel;
import pe.cardumen.io.sonar.RawFileHandler;

/**
 * A {@link RawFileHandler} that calibrates every ping of the chosen channels to Sv, EK60
 * ({@link Ek60Calibration}) or EK80 CW and FM ({@link Ek80Calibration}; FM pings pulse-compressed; a GPT
 * channel of an EK80 file, EK60 hardware, by the EK60 equation with the EK80 file's tables), with the file's own calibration and
 * the user's overrides, and hands each {@link CalibratedPing} on. Other callbacks are forwarded to an
 * optional downstream handler (NMEA, bottom …).
 */
public final class SvCalibrator implements RawFileHandler {
    private final java.util.function.Function<SonarChannel, CalibrationOverrides> overrides;
    private final java.util.function.IntPredicate channelFilter;
    private final Consumer<CalibratedPing> consumer;
    private final RawFileHandler downstream;
    private List<SonarChannel> channels = List.of();
    private boolean ek80;
    private final Map<Integer, double[]> ek80Channel = new HashMap<>();
    private final Map<Integer, Map<Integer, Object[]>> filters = new HashMap<>();
    private double[] environment = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    private final Map<String, PulseCompression> compressionCache = new HashMap<>();
    /** The WBT's receiver sampling frequency when the configuration does not give one (EK80 reference manual), Hz. */
    static final double DEFAULT_SAMPLE_FREQUENCY_HZ = 1.5e6;

    /**
     * @param channelFilter which channel numbers to calibrate (the others are skipped cheaply)
     * @param consumer      receives each calibrated ping
     * @param downstream    receives every other callback; may be {@code null}
     */
    public SvCalibrator(CalibrationOverrides overrides, java.util.function.IntPredicate channelFilter, Consumer<CalibratedPing> consumer,
                        RawFileHandler downstream) {
        this(c -> overrides, channelFilter, consumer, downstream);
    }

    /**
     * @param overrides the user's corrections for each channel (e.g. from an Echoview .ecs file)
     */
    public SvCalibrator(java.util.function.Function<SonarChannel, CalibrationOverrides> overrides, java.util.function.IntPredicate channelFilter,
                        Consumer<CalibratedPing> consumer, RawFileHandler downstream) {
        this.overrides = overrides;
        this.channelFilter = channelFilter;
        this.consumer = consumer;
        this.downstream = downstream;
    }

    /** The channels of the file, once its configuration has been read. */
    public List<SonarChannel> channels() {
        return channels;
    }

    @Override
    public void configuration(String sounder, List<SonarChannel> channels) {
        this.channels = new ArrayList<>(channels);
        this.ek80 = sounder.startsWith("EK80");
        ek80Channel.clear();
        filters.clear();
        compressionCache.clear();
        if (downstream != null) {
            downstream.configuration(sounder, channels);
        }
    }

    @Override
    public void ek80Channel(int channel, double receiverImpedanceOhm, double rxSampleFrequencyHz, double transducerDepthM) {
        ek80Channel.put(channel, new double[] {receiverImpedanceOhm, rxSampleFrequencyHz, transducerDepthM});
    }

    @Override
    public void filter(int channel, int stage, int decimation, float[] coefficients) {
        filters.computeIfAbsent(channel, k -> new HashMap<>()).put(stage, new Object[] {decimation, coefficients});
    }

    @Override
    public void environment(double temperatureC, double salinityPsu, double depthM, double acidityPh, double soundSpeedMPerS) {
        environment = new double[] {temperatureC, salinityPsu, depthM, acidityPh, soundSpeedMPerS};
    }

    /** Only the filter's channels: the reader does not decode the others' samples. */
    @Override
    public boolean wantsPing(int channel) {
        return channelFilter.test(channel);
    }

    @Override
    public void ping(Ping p) {
        if (!channelFilter.test(p.channel()) || p.channel() < 1 || p.channel() > channels.size()) {
            return;
        }
        SonarChannel channel = channels.get(p.channel() - 1);
        if (!ek80) {
            CalibrationParameters cal = CalibrationParameters.ek60(channel, p).with(overrides.apply(channel));
            consumer.accept(new CalibratedPing(p, channel, Ek60Calibration.svDb(p, cal), cal.sampleThicknessM(), -cal.sampleThicknessM(),
                    cal.transducerDepthM()));
            return;
        }
        if (isGpt(channel, p)) {
            // an EK60 GPT driven by the EK80 program: calibrated as its hardware requires — the nominal
            // pulse duration and the TVG range less two sample thicknesses, as EK60 — with the gain and
            // Sa correction from the file's XML tables and c and α from its environment
            CalibrationParameters cal = fileCalibration(channel, p).with(overrides.apply(channel));
            consumer.accept(new CalibratedPing(p, channel, Ek60Calibration.svDb(p, cal), cal.sampleThicknessM(), -cal.sampleThicknessM(),
                    cal.transducerDepthM()));
            return;
        }
        Ek80Calibration cal = ek80(channel, p);
        consumer.accept(new CalibratedPing(p, channel, cal.svDb(p), cal.base().sampleThicknessM(), cal.rangeM(0), cal.base().transducerDepthM()));
    }

    /**
     * Whether a channel of an EK80 file is a GPT (EK60 hardware: no FIL1 filter stages, channel id
     * {@code GPT …}): its Sv follows the EK60 equation, not the WBT's.
     */
    public boolean isGpt(SonarChannel channel, Ping p) {
        Map<Integer, Object[]> f = filters.get(p.channel());
        return ek80 && (f == null || f.isEmpty()) && channel.channelId().startsWith("GPT");
    }

    /**
     * The calibration the file itself gives a ping, without the user's overrides (what a calibration form
     * shows as defaults). For EK80 the absorption is computed from the file's environment. For an FM ping
     * every frequency-dependent term is taken at the centre of its sweep fc: the gain from the
     * transducer's broadband calibration ({@code FrequencyPar}) at fc, or, without one, the nominal gain
     * scaled as a fixed aperture's directivity, G0(fn) + 20·log10(fc/fn); ψ(fc) = ψ(fn) + 20·log10(fn/fc);
     * α(fc); no Sa correction (ADR 0019).
     */
    public CalibrationParameters fileCalibration(SonarChannel channel, Ping p) {
        if (!ek80) {
            return CalibrationParameters.ek60(channel, p);
        }
        double c = Double.isNaN(environment[4]) ? p.soundSpeedMPerS() : environment[4];
        double f = p.frequencyHz();
        double alpha = Absorption.francoisGarrisonDbPerM(f, environment[0], environment[1], environment[2], environment[3], c);
        double gain = channel.gainDbAt(p.pulseLengthS());
        double sa = channel.saCorrectionDbAt(p.pulseLengthS());
        double psi = channel.equivalentBeamAngleDb();
        if (p.isFm()) {
            double fn = channel.frequencyHz();
            gain = channel.broadband().covers(f) ? channel.broadband().gainDbAt(f) : gain + 20 * Math.log10(f / fn);
            psi += 20 * Math.log10(fn / f);
            sa = 0;
        }
        return new CalibrationParameters(f, gain, sa, psi, c, alpha, p.transmitPowerW(), p.pulseLengthS(), p.sampleIntervalS(), ek80Settings(p)[2]);
    }

    /**
     * The frequency-dependent calibration of an FM ping's channel for spectra: G0(f) from the broadband
     * table (or the scaled nominal gain), ψ(f) = ψ(fn) + 20·log10(fn/f), α(f) from the environment — the
     * same rules as {@link #fileCalibration} at fc. A user's override of gain or ψ shifts the whole curve by
     * its difference at fc; an absorption override replaces α(f) by the constant given.
     */
    public BroadbandSpectrum.Terms broadbandTerms(SonarChannel channel, Ping p) {
        if (!p.isFm()) {
            throw new IllegalArgumentException("ping " + p.index() + " of channel " + p.channel() + " is CW; spectra need FM pings");
        }
        CalibrationParameters file = fileCalibration(channel, p);
        CalibrationParameters used = file.with(overrides.apply(channel));
        double fn = channel.frequencyHz();
        double nominalGain = channel.gainDbAt(p.pulseLengthS());
        double gainShift = used.gainDb() - file.gainDb();
        double psiShift = used.equivalentBeamAngleDb() - file.equivalentBeamAngleDb();
        boolean alphaOverridden = used.absorptionDbPerM() != file.absorptionDbPerM();
        double c = used.soundSpeedMPerS();
        return new BroadbandSpectrum.Terms(
                f -> (channel.broadband().covers(f) ? channel.broadband().gainDbAt(f) : nominalGain + 20 * Math.log10(f / fn)) + gainShift,
                f -> channel.equivalentBeamAngleDb() + 20 * Math.log10(fn / f) + psiShift,
                f -> alphaOverridden ? used.absorptionDbPerM()
                        : Absorption.francoisGarrisonDbPerM(f, environment[0], environment[1], environment[2], environment[3], c));
    }

    /** The EK80 calibration of a ping: tables from the configuration, α and τeff computed, overrides applied. */
    public Ek80Calibration ek80(SonarChannel channel, Ping p) {
        double[] settings = ek80Settings(p);
        CalibrationParameters base = fileCalibration(channel, p).with(overrides.apply(channel));
        if (p.isFm()) {
            PulseCompression compression = compression(p, settings[1]);
            double zet = channel.broadband().covers(p.frequencyHz()) ? channel.broadband().impedanceOhmAt(p.frequencyHz())
                    : Ek80Calibration.TRANSDUCER_IMPEDANCE_OHM;
            return new Ek80Calibration(base, compression.effectivePulseS(), settings[0], zet, compression);
        }
        return new Ek80Calibration(base, transmitSignal(p, settings[1]).cwEffectivePulseS(), settings[0]);
    }

    private double[] ek80Settings(Ping p) {
        double[] settings = ek80Channel.get(p.channel());
        if (settings == null) {
            throw new IllegalStateException("channel " + p.channel() + " has no EK80 transceiver settings in the file's configuration");
        }
        return settings;
    }

    private TransmitSignal transmitSignal(Ping p, double sampleFrequency) {
        return compression(p, sampleFrequency).replica();
    }

    /** The ping's filtered transmit signal as a matched filter, built once per channel and pulse setting. */
    private PulseCompression compression(Ping p, double sampleFrequency) {
        String key = p.channel() + "|" + p.pulseLengthS() + "|" + p.slope() + "|" + p.frequencyStartHz() + "|" + p.frequencyEndHz();
        PulseCompression cached = compressionCache.get(key);
        if (cached != null) {
            return cached;
        }
        Map<Integer, Object[]> f = filters.get(p.channel());
        if (f == null || !f.containsKey(1) || !f.containsKey(2)) {
            throw new IllegalStateException("channel " + p.channel() + " has no FIL1 filter stages 1 and 2, so the effective pulse "
                    + "duration cannot be computed");
        }
        double fs = Double.isNaN(sampleFrequency) || sampleFrequency <= 0 ? DEFAULT_SAMPLE_FREQUENCY_HZ : sampleFrequency;
        TransmitSignal signal = TransmitSignal.of(p.pulseLengthS(), p.slope(), p.frequencyStartHz(), p.frequencyEndHz(), fs,
                (float[]) f.get(1)[1], (Integer) f.get(1)[0], (float[]) f.get(2)[1], (Integer) f.get(2)[0]);
        PulseCompression compression = new PulseCompression(signal);
        compressionCache.put(key, compression);
        return compression;
    }

    @Override
    public void nmea(long timeTicks, String sentence) {
        if (downstream != null) {
            downstream.nmea(timeTicks, sentence);
        }
    }

    @Override
    public void annotation(long timeTicks, String text) {
        if (downstream != null) {
            downstream.annotation(timeTicks, text);
        }
    }

    @Override
    public void bottom(long timeTicks, double[] depthsM) {
        if (downstream != null) {
            downstream.bottom(timeTicks, depthsM);
        }
    }

    @Override
    public void motion(long timeTicks, float heaveM, float rollDeg, float pitchDeg, float headingDeg) {
        if (downstream != null) {
            downstream.motion(timeTicks, heaveM, rollDeg, pitchDeg, headingDeg);
        }
    }
}
