import type { FastifyInstance } from 'fastify'

/** The local runtime's HTTP calls as tests make them, through `app.inject`. */
export function injectors(app: () => FastifyInstance) {
  return {
    login: (username: string, password: string) => app().inject({ method: 'POST', url: '/api/auth/staff', payload: { username, password } }),
    fn: (token: string, name: string, action: string, data: unknown = {}) =>
      app().inject({ method: 'POST', url: `/api/fn/${name}`, headers: { authorization: `Bearer ${token}` }, payload: { action, data } }),
    changePassword: (token: string, oldPassword: string, newPassword: string) =>
      app().inject({ method: 'POST', url: '/api/auth/password', headers: { authorization: `Bearer ${token}` }, payload: { oldPassword, newPassword } }),
  }
}
