package io.oregrid.grid.support;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2Projections;
import com.google.common.geometry.S2RegionCoverer;

import java.util.ArrayList;
import java.util.List;

/**
 * Geometry on the WGS84 sphere with Google S2: distances in metres, S2 cell tokens at a level,
 * coverings of a radius. Coordinates in degrees.
 */
public final class Geo {
    /** Mean Earth radius in metres (S2 2.0.0 has no S2Earth; same value as its successor's). */
    public static final double EARTH_RADIUS_M = 6_371_010.0;

    private Geo() {
    }

    /** @return great-circle distance in metres between two points given in degrees */
    public static double distanceM(double lat1, double lng1, double lat2, double lng2) {
        return S2LatLng.fromDegrees(lat1, lng1).getDistance(S2LatLng.fromDegrees(lat2, lng2)).radians() * EARTH_RADIUS_M;
    }

    /**
     * The S2 level whose average cell edge is closest to {@code edgeM} metres, chosen from the
     * metric rather than a literal (S2Projections avgEdge: level 15 ≈ 280 m, 16 ≈ 140 m).
     */
    public static int levelForEdge(double edgeM) {
        return S2Projections.PROJ.avgEdge.getClosestLevel(edgeM / EARTH_RADIUS_M);
    }

    /** @return the S2 cell id containing the point, at {@code level} */
    public static S2CellId cellId(double lat, double lng, int level) {
        return S2CellId.fromLatLng(S2LatLng.fromDegrees(lat, lng)).parent(level);
    }

    /** @return the S2 cell token containing the point, at {@code level} */
    public static String cellToken(double lat, double lng, int level) {
        return cellId(lat, lng, level).toToken();
    }

    /**
     * Tokens of the level-{@code level} cells that cover a disc of {@code radiusM} metres around
     * the point (an S2 covering, so every point within the radius is in one of them).
     */
    public static List<String> coveringTokens(double lat, double lng, double radiusM, int level) {
        S2Cap cap = S2Cap.fromAxisAngle(S2LatLng.fromDegrees(lat, lng).toPoint(),
                S1Angle.radians(radiusM / EARTH_RADIUS_M));
        S2RegionCoverer coverer = S2RegionCoverer.builder()
                .setMinLevel(level).setMaxLevel(level).setMaxCells(Integer.MAX_VALUE).build();
        ArrayList<S2CellId> ids = new ArrayList<>();
        coverer.getCovering(cap, ids);
        List<String> tokens = new ArrayList<>(ids.size());
        for (S2CellId id : ids) {
            tokens.add(id.toToken());
        }
        return tokens;
    }

    /** @return the token of the cell and its eight neighbours at the same level */
    public static List<String> withNeighbours(String token) {
        S2CellId id = S2CellId.fromToken(token);
        List<S2CellId> around = new ArrayList<>();
        id.getAllNeighbors(id.level(), around);
        List<String> tokens = new ArrayList<>(around.size() + 1);
        tokens.add(token);
        for (S2CellId n : around) {
            tokens.add(n.toToken());
        }
        return tokens;
    }
}
