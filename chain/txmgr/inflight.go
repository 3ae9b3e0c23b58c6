package txmgr

// InFlight is how many requests the manager is preparing or driving to confirmation now
// (the metrics' brine_tx_in_flight: a count that stays up while nothing confirms is a stuck
// wallet).
func (m *Manager) InFlight() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.flights)
}
