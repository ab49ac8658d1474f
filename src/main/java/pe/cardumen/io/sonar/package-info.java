/**
 * Simrad echosounder raw files ({@code .raw}, {@code .bot}; EK60/ES60/ER60 and EK80), read as a stream
 * of datagrams (Simrad EK60 and EK80 reference manuals; the conventions of pyEcholab and echopype):
 * {@code int32 length | char[4] type | uint32 lowDateTime | uint32 highDateTime | payload | int32 length}.
 * Unknown datagram types are counted and skipped; a truncated or corrupted datagram ends the read with
 * everything before it kept and a message saying where and how much was lost.
 */
package pe.cardumen.io.sonar;
