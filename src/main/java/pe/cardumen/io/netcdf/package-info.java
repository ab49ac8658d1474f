/**
 * A netCDF-4 (HDF5) writer for large fixed-size arrays written row by row: dimensions as HDF5 dimension
 * scales, contiguous little-endian storage, attributes, variable-length strings — what xarray, netCDF-C
 * and h5py read — without the netCDF or HDF5 C libraries.
 */
package pe.cardumen.io.netcdf;
